// Rage taps: counted on the pointer (pointer_down, then a lift near it), not on click; what a
// touch became when it was not a tap (a scroll, a pinch, a long-press, a swipe, a zoom).
#include <doctest/doctest.h>

#include "detect/rage_click.h"
#include "kit/detector_harness.h"
#include "kit/touch_events.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kButton = 7;
constexpr uint32_t kOther = 8;

struct Phone : DetectorHarness<RageClickDetector> {
  void feed(const EventRecord& record) { DetectorHarness::feed(record); }
  void feed(const std::vector<EventRecord>& records) {
    for (const EventRecord& record : records) DetectorHarness::feed(record);
  }
};
}  // namespace

TEST_CASE("three quick taps on a dead button are rage, fired once on the third tap's lift") {
  Phone phone;
  phone.feed(tap(0, 100, 100, kButton));
  phone.feed(tap(250, 110, 95, kButton));
  CHECK(phone.sink.detections.empty());
  phone.feed(touchDown(500, 96, 108, kButton));
  CHECK(phone.sink.detections.empty());  // not yet a tap: it may still become a scroll
  phone.feed(lift(570, 97, 108));
  REQUIRE(phone.sink.detections.size() == 1);
  CHECK(phone.sink.detections[0].kind == FrictionKind::rage_click);
  CHECK(phone.sink.detections[0].target == kButton);
  CHECK(phone.sink.detections[0].at_ms == 570);
  phone.feed(tapClick(580, 97, 108, kButton));  // its own click is not a fourth
  phone.feed(tap(750, 100, 100, kButton));
  phone.tick(5000);
  REQUIRE(phone.sink.episodes.size() == 1);
  CHECK(phone.sink.episodes[0].count == 4);
  CHECK(phone.sink.detections.size() == 1);
}

TEST_CASE("taps count even when the page swallows their clicks") {
  Phone phone;
  for (int i = 0; i < 3; ++i) phone.feed(tap(i * 200.0, 50, 50, kButton, /*clicked=*/i == 0));
  CHECK(phone.sink.detections.size() == 1);
}

TEST_CASE("a touch whose lift never came still counts as a tap when the next one goes down") {
  Phone phone;
  phone.feed(touchDown(0, 50, 50, kButton));
  phone.feed(touchDown(200, 52, 50, kButton));
  phone.feed(touchDown(400, 50, 53, kButton));
  phone.feed(lift(450, 50, 53));
  CHECK(phone.sink.detections.size() == 1);
}

TEST_CASE("a thumb's taps may land 40 px apart; a mouse's may not") {
  SUBCASE("taps 35 px apart (Manhattan) are one burst") {
    Phone phone;
    phone.feed(tap(0, 100, 100, kButton));
    phone.feed(tap(200, 120, 115, kButton));
    phone.feed(tap(400, 100, 100, kButton));
    CHECK(phone.sink.detections.size() == 1);
  }
  SUBCASE("clicks 35 px apart are not") {
    Phone phone;
    phone.feed(click(0, 100, 100, kButton));
    phone.feed(click(200, 120, 115, kButton));
    phone.feed(click(400, 100, 100, kButton));
    CHECK(phone.sink.detections.empty());
  }
  SUBCASE("taps 50 px apart are not") {
    Phone phone;
    phone.feed(tap(0, 100, 100, kButton));
    phone.feed(tap(200, 130, 120, kButton));
    phone.feed(tap(400, 100, 100, kButton));
    CHECK(phone.sink.detections.empty());
  }
}

TEST_CASE("touches that were not taps are never rage") {
  Phone phone;
  SUBCASE("scrolling: each touch taken by the browser (pointercancel)") {
    for (int i = 0; i < 6; ++i) {
      phone.feed(touchDown(i * 300.0, 100, 400, kButton));
      phone.feed(gesture(i * 300.0 + 60, kGestureCancel));
      phone.feed(scroll(i * 300.0 + 70, 200 * (i + 1)));
    }
  }
  SUBCASE("a pinch: a second finger comes, both lift where they are") {
    for (int i = 0; i < 3; ++i) {
      const double t = i * 400.0;
      phone.feed(touchDown(t, 100, 100, kButton));
      phone.feed(touchDown(t + 20, 140, 140, kButton, 2));
      phone.feed(lift(t + 200, 98, 98));
      phone.feed(lift(t + 210, 142, 142));
    }
  }
  SUBCASE("long-presses: held past 500 ms, or ended by the context menu") {
    phone.feed(touchDown(0, 100, 100, kButton));
    phone.feed(lift(600, 100, 100));
    phone.feed(touchDown(700, 100, 100, kButton));
    phone.feed(gesture(1200, kGestureLongPress));
    phone.feed(lift(1500, 100, 100));
    phone.feed(touchDown(1600, 100, 100, kButton));
    phone.feed(lift(2150, 100, 100));
  }
  SUBCASE("swipes on a carousel: the finger lifts far from where it went down") {
    for (int i = 0; i < 4; ++i) phone.feed({touchDown(i * 300.0, 300, 200, kButton), lift(i * 300.0 + 150, 120, 205)});
  }
  SUBCASE("a double-tap zoom, then a third tap") {
    phone.feed(tap(0, 100, 100, kButton, false));
    phone.feed(tap(200, 100, 100, kButton, false));
    phone.feed(gesture(350, kGestureZoom));
    phone.feed(tap(600, 100, 100, kButton));
  }
  SUBCASE("quick taps on a stepper that answers each one") {
    for (int i = 0; i < 6; ++i) {
      phone.feed(tap(i * 180.0, 100, 100, kButton));
      phone.feed(domChange(i * 180.0 + 95));
    }
  }
  SUBCASE("quick taps on different things") {
    phone.feed(tap(0, 100, 100, kButton));
    phone.feed(tap(200, 100, 100, kOther));
    phone.feed(tap(400, 100, 100, kButton));
  }
  SUBCASE("taps on nothing actionable") {
    for (int i = 0; i < 5; ++i) phone.feed(tap(i * 150.0, 100, 100, 0, false));
  }
  SUBCASE("slow taps, over a second apart") {
    for (int i = 0; i < 4; ++i) phone.feed(tap(i * 1200.0, 100, 100, kButton));
  }
  phone.tick(10000);
  CHECK(phone.sink.detections.empty());
  CHECK(phone.sink.episodes.empty());
}

TEST_CASE("a swipe in the middle of a tap burst breaks nothing it should not count") {
  Phone phone;
  phone.feed(tap(0, 100, 100, kButton));
  phone.feed({touchDown(200, 100, 100, kButton), lift(300, 100, 180)});  // travelled 80 px
  phone.feed(tap(400, 100, 100, kButton));
  CHECK(phone.sink.detections.empty());  // two taps, one swipe
  phone.feed(tap(600, 100, 100, kButton));
  CHECK(phone.sink.detections.size() == 1);
}

TEST_CASE("touch thresholds are settings") {
  RageClickThresholds thresholds;
  CHECK(thresholds.set("touch_max_distance_px", 60));
  CHECK(thresholds.set("tap_slop_px", 20));
  CHECK(thresholds.set("long_press_ms", 700));
  CHECK_FALSE(thresholds.set("long_press_ms", 50));
  CHECK_FALSE(thresholds.set("tap_slop_px", 0));
  CHECK(thresholds.touch_max_distance_px == 60);
  CHECK(thresholds.tap_slop_px == 20);
  CHECK(thresholds.long_press_ms == 700);
}
