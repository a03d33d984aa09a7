// The wire format of a batch of signals: JSON (nlohmann/json), then one zstd frame.
//
//   {"v":1,"site":"demo","sdk":"0.1.0","dropped":0,
//    "signals":[{"kind":"rage_click","step":"/product/:id","role":"button",
//                "target":"9f2c0e4d1a7b3c58","count":4,"at_s":10,"span_ms":700,"score":0.6}]}
//
// No timestamp of the client's clock is sent: the collector stamps what it receives.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "signals/signal.h"

namespace friction {

inline constexpr int kWireVersion = 1;

struct BatchHeader {
  std::string site;
  std::string sdk_version;
  uint32_t dropped = 0;  // signals the queue could not hold since the last batch
};

std::string encodeBatchJson(const BatchHeader& header, const std::vector<Signal>& signals);

// Level 3 is zstd's default; the batches are small, so levels above it gain little
// (see `bench`) and cost main-thread time.
inline constexpr int kCompressionLevel = 3;
std::vector<uint8_t> compressFrame(std::string_view data, int level = kCompressionLevel);

}  // namespace friction
