// What POST /v1/signals does with a body, apart from HTTP plumbing: check its size, decompress
// it, validate it and store it. Returns the status and JSON body to answer with.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "signal_store.h"
#include "site_registry.h"

namespace friction::collector {

// A beacon carries a few KiB at most; the caps bound what a hostile client can make us hold.
inline constexpr size_t kMaxBodyBytes = 64 * 1024;
inline constexpr size_t kMaxDecompressedBytes = 1024 * 1024;
// Batches expand 4 to 10 times (JSON from zstd with the dictionary); beyond 64 times a body is
// a bomb, not a batch, and is stopped before it costs more work. Small bodies may always
// expand to kRatioFloorBytes.
inline constexpr size_t kMaxCompressionRatio = 64;
inline constexpr size_t kRatioFloorBytes = 64 * 1024;

// How far a body of `body_bytes` may expand: the ratio cap, within the absolute one.
size_t decompressedCap(size_t body_bytes);

struct IntakeResponse {
  int status;
  std::string json;
};

// Who sent the body: the request's Origin header ("" if none) and the collector's own origin.
struct Sender {
  std::string origin;
  std::string same_origin;
};

// `body` is identified by the zstd magic number, never by Content-Type: sendBeacon may send none.
// With registered sites, a batch for another site, or from an origin its site does not list,
// gets a 403.
IntakeResponse takeInSignals(std::string_view body, SignalStore& store, int64_t now_ms,
                             const SiteRegistry& sites = SiteRegistry(), const Sender& sender = {});

// The JSON error body every failing route answers with: {"error":"..."}.
std::string jsonError(std::string_view message);

}  // namespace friction::collector
