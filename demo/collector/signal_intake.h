// What POST /v1/signals does with a body, apart from HTTP plumbing: check its size, decompress
// it, validate it and store it. Returns the status and JSON body to answer with.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "intake/intake_limits.h"
#include "storage.h"
#include "site_registry.h"

namespace friction::collector {

// How far a body of `body_bytes` may expand: the ratio cap, within the absolute one
// (intake/intake_limits.h).
size_t decompressedCap(size_t body_bytes);

struct IntakeResponse {
  int status;
  std::string json;
  int retry_after_s = 0;  // > 0: sent as Retry-After (the store could not be reached)
};

// Seconds a client is asked to wait when the store cannot be reached: long enough for a
// restarted ClickHouse to come back, short enough that a page still open sends its batch.
inline constexpr int kStoreRetryAfterS = 30;

// Who sent the body: the request's Origin header ("" if none).
struct Sender {
  std::string origin;
};

// `body` is identified by the zstd magic number, never by Content-Type: sendBeacon may send none.
// A batch for a site not registered, or without an Origin its site lists, gets a 403. A batch
// with some invalid signals or visits stores the valid ones: 202
// {"stored":n,"visits":v,"refused":m,"refusal":"signals[3].step: ..."} (intake/batch_reader.h).
IntakeResponse takeInSignals(std::string_view body, Storage& store, int64_t now_ms,
                             const SiteRegistry& sites = SiteRegistry(), const Sender& sender = {});

// The JSON error body every failing route answers with: {"error":"..."}.
std::string jsonError(std::string_view message);

}  // namespace friction::collector
