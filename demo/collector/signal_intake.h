// What POST /v1/signals does with a body, apart from HTTP plumbing: check its size, decompress
// it, validate it and store it. Returns the status and JSON body to answer with.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "signal_store.h"

namespace friction::collector {

// A beacon carries a few KiB at most; the caps bound what a hostile client can make us hold.
inline constexpr size_t kMaxBodyBytes = 64 * 1024;
inline constexpr size_t kMaxDecompressedBytes = 1024 * 1024;

struct IntakeResponse {
  int status;
  std::string json;
};

// `body` is identified by the zstd magic number, never by Content-Type: sendBeacon may send none.
IntakeResponse takeInSignals(std::string_view body, SignalStore& store, int64_t now_ms);

// The JSON error body every failing route answers with: {"error":"..."}.
std::string jsonError(std::string_view message);

}  // namespace friction::collector
