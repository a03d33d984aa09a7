// What the engine tests share: a fixed stand-in for the browser's randomness, clicks written
// into the ring as the JS layer writes them, and what the codec makes of the core's records.
#pragma once
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encode/codec.h"
#include "engine.h"
#include "events.h"

namespace friction::testing {

// The browser draws these 128 bits from crypto.getRandomValues; tests must be repeatable.
inline constexpr const char* kTestSeed = "00112233445566778899aabbccddeeff";

inline void pushClick(Engine& engine, double t, uint32_t target = 1) {
  REQUIRE(engine.ring().push(click(t, 200, 120, target)));
}

// Four clicks 250 ms apart on one spot: a rage click, recognised at the third. The page
// answers just after the burst, within a second of its first click: a rage click alone, neither
// dead nor slow (those compound cases have tests of their own).
inline void pushRageClick(Engine& engine, double t, uint32_t target = 1) {
  for (int i = 0; i < 4; ++i) pushClick(engine, t + i * 250.0, target);
  REQUIRE(engine.ring().push(domChange(t + 800)));
}

// The same burst on a control that never answers: a rage click and then a dead click.
inline void pushRageClickOnDeadControl(Engine& engine, double t, uint32_t target = 1) {
  for (int i = 0; i < 4; ++i) pushClick(engine, t + i * 250.0, target);
}

// What the browser does with the core's records: the codec turns them into what is sent.
// Nothing when the core has no batch to give.
inline std::optional<EncodedBatch> takeEncodedBatch(Engine& engine) {
  const auto record = engine.takeBatchRecord();
  if (record.empty()) return std::nullopt;
  auto encoded = encodeBatchRecord(record.data(), record.size());
  REQUIRE(encoded);
  return encoded;
}

inline std::string takeBatchJson(Engine& engine) {
  const auto encoded = takeEncodedBatch(engine);
  return encoded ? encoded->json : std::string();
}

inline std::vector<uint8_t> takeBatchFrame(Engine& engine) {
  const auto encoded = takeEncodedBatch(engine);
  return encoded ? encoded->frame : std::vector<uint8_t>();
}

inline std::string takeJourneySummary(Engine& engine, double now_ms) {
  const auto record = engine.takeJourneyRecord(now_ms);
  if (record.empty()) return {};
  const std::string json = encodeJourneyRecord(record.data(), record.size());
  REQUIRE(!json.empty());
  return json;
}

}  // namespace friction::testing
