// What the engine tests share: a fixed stand-in for the browser's randomness, and clicks
// written into the ring as the JS layer writes them.
#pragma once
#include <doctest/doctest.h>

#include <cstdint>

#include "engine.h"

namespace friction::testing {

// The browser draws these 128 bits from crypto.getRandomValues; tests must be repeatable.
inline constexpr const char* kTestSeed = "00112233445566778899aabbccddeeff";

inline void pushClick(Engine& engine, double t, uint32_t target = 1) {
  REQUIRE(engine.ring().push(
      EventRecord{t, 200, 120, target, static_cast<uint16_t>(EventType::click), 0, 0, 0}));
}

// Four clicks 250 ms apart on one spot: a rage click, recognised at the third.
inline void pushRageClick(Engine& engine, double t, uint32_t target = 1) {
  for (int i = 0; i < 4; ++i) pushClick(engine, t + i * 250.0, target);
}

}  // namespace friction::testing
