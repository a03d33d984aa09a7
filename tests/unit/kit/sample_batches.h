// Signal batches as the SDK sends them, for the tests of the collector's intake.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "encode/signal_batch.h"
#include "test_batch_id.h"

namespace friction::testing {

// `n` rage clicks on one product page, each on its own element.
inline std::vector<Signal> sampleSignals(size_t n) {
  std::vector<Signal> signals;
  for (size_t i = 0; i < n; ++i)
    signals.push_back({FrictionKind::rage_click, "/product/:id", "button",
                       0x9f2c0e4d1a7b3c58ULL + i, 4, 10, 700, 0.6});
  return signals;
}

// A batch of `n` sample signals, as the collector reads it after decompressing.
inline nlohmann::json validBatch(size_t n = 1) {
  return nlohmann::json::parse(
      encodeBatchJson({"demo-shop", "0.1.0", 0, 0, testBatchId()}, sampleSignals(n)));
}

inline std::string asText(const std::vector<uint8_t>& bytes) {
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace friction::testing
