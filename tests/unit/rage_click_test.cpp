#include <doctest/doctest.h>

#include "detect/rage_click.h"

using namespace friction;

namespace {
EventRecord click(double t, float x, float y, uint32_t target = 7) {
  return EventRecord{t, x, y, target, static_cast<uint16_t>(EventType::click), 0, 0, 0};
}
}  // namespace

TEST_CASE("three quick clicks on the same spot fire once, on the third") {
  RageClickDetector detector;
  std::optional<Episode> closed;
  CHECK_FALSE(detector.onClick(click(0, 100, 100), closed));
  CHECK_FALSE(detector.onClick(click(300, 104, 98), closed));
  auto fired = detector.onClick(click(600, 101, 103), closed);
  REQUIRE(fired);
  CHECK(fired->kind == FrictionKind::rage_click);
  CHECK(fired->target == 7);
  CHECK(fired->at_ms == 600);
  CHECK(fired->score == doctest::Approx(0.5));
  CHECK_FALSE(detector.onClick(click(900, 100, 100), closed));  // same burst: no second alarm
  CHECK_FALSE(closed);
}

TEST_CASE("the episode closes when clicks stop, with the final count and span") {
  RageClickDetector detector;
  std::optional<Episode> closed;
  for (int i = 0; i < 5; ++i) detector.onClick(click(i * 200.0, 50, 50), closed);
  CHECK_FALSE(detector.closeIfIdle(800 + 1000));  // still within the gap
  auto episode = detector.closeIfIdle(800 + 1001);
  REQUIRE(episode);
  CHECK(episode->count == 5);
  CHECK(episode->started_ms == 0);
  CHECK(episode->ended_ms == 800);
  CHECK(episode->score == doctest::Approx(0.7));
  CHECK_FALSE(detector.closeIfIdle(5000));  // closed only once
}

TEST_CASE("slow clicks, far clicks and clicks on other targets are not rage") {
  std::optional<Episode> closed;
  SUBCASE("a gap over one second breaks the chain") {
    RageClickDetector detector;
    detector.onClick(click(0, 10, 10), closed);
    detector.onClick(click(900, 10, 10), closed);
    CHECK_FALSE(detector.onClick(click(1901, 10, 10), closed));
  }
  SUBCASE("moving more than 30 px breaks the chain") {
    RageClickDetector detector;
    detector.onClick(click(0, 10, 10), closed);
    detector.onClick(click(100, 30, 10), closed);
    CHECK_FALSE(detector.onClick(click(200, 30, 41), closed));
  }
  SUBCASE("another target breaks the chain") {
    RageClickDetector detector;
    detector.onClick(click(0, 10, 10, 1), closed);
    detector.onClick(click(100, 10, 10, 1), closed);
    CHECK_FALSE(detector.onClick(click(200, 10, 10, 2), closed));
  }
  SUBCASE("a double click is not rage") {
    RageClickDetector detector;
    detector.onClick(click(0, 10, 10), closed);
    detector.onClick(click(120, 10, 10), closed);
    CHECK_FALSE(detector.closeIfIdle(5000));
  }
}

TEST_CASE("a click that breaks a rage burst reports the burst's episode") {
  RageClickDetector detector;
  std::optional<Episode> closed;
  for (int i = 0; i < 3; ++i) detector.onClick(click(i * 100.0, 10, 10, 1), closed);
  detector.onClick(click(400, 300, 300, 2), closed);
  REQUIRE(closed);
  CHECK(closed->target == 1);
  CHECK(closed->count == 3);
}

TEST_CASE("thresholds are configurable") {
  RageClickDetector detector({/*min_clicks=*/4, /*max_gap_ms=*/500, /*max_distance_px=*/10});
  std::optional<Episode> closed;
  for (int i = 0; i < 3; ++i) CHECK_FALSE(detector.onClick(click(i * 400.0, 5, 5), closed));
  CHECK(detector.onClick(click(1200, 5, 5), closed));
}
