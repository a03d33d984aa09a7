// Dead taps: judged on the tap's click as for a mouse, but the page may answer a tap before its
// click (on touchstart, pointerdown or touchend; a page without a mobile viewport delays the
// click ~300 ms).
#include <doctest/doctest.h>

#include "detect/dead_click.h"
#include "kit/detector_harness.h"
#include "kit/touch_events.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kButton = 7;
constexpr uint32_t kField = 9;

struct Phone : DetectorHarness<DeadClickDetector> {
  Phone() {
    sink.mark(kButton, kActionable);
    sink.mark(kField, kTextField);
  }
  void feed(const EventRecord& record) { DetectorHarness::feed(record); }
  void feed(const std::vector<EventRecord>& records) {
    for (const EventRecord& record : records) DetectorHarness::feed(record);
  }
};
}  // namespace

TEST_CASE("a tap on a button that nothing answers is dead, 2.5 s after its click") {
  Phone phone;
  phone.feed(touchDown(1000, 50, 50, kButton));
  phone.feed(focus(1001, kButton));  // the tap focuses its own button: no answer
  phone.feed(lift(1080, 50, 50));
  phone.feed(tapClick(1090, 50, 50, kButton));
  phone.tick(3589);
  CHECK(phone.sink.detections.empty());
  phone.tick(3590);
  REQUIRE(phone.sink.detections.size() == 1);
  CHECK(phone.sink.detections[0].target == kButton);
}

TEST_CASE("a tap the page answered before its click is not dead") {
  Phone phone;
  SUBCASE("answered on pointerdown/touchstart") {
    phone.feed(touchDown(0, 50, 50, kButton));
    phone.feed(domChange(5));
    phone.feed(lift(80, 50, 50));
  }
  SUBCASE("answered on touchend, the click 300 ms later (no mobile viewport)") {
    phone.feed(touchDown(0, 50, 50, kButton));
    phone.feed(lift(80, 50, 50));
    phone.feed(requestStart(82, 1));
  }
  phone.feed(tapClick(380, 50, 50, kButton));
  phone.tick(10000);
  CHECK(phone.sink.detections.empty());
}

TEST_CASE("an answer to an earlier tap does not answer the next one") {
  Phone phone;
  phone.feed(tap(0, 50, 50, kButton));
  phone.feed(domChange(100));  // the first tap's answer
  phone.feed(tap(3000, 50, 50, kButton));
  phone.tick(6000);
  CHECK(phone.sink.detections.size() == 1);
}

TEST_CASE("touches that make no click are never dead taps") {
  Phone phone;
  phone.feed(touchDown(0, 50, 50, kButton));
  phone.feed(gesture(60, kGestureCancel));  // a scroll began on the button
  phone.feed(touchDown(500, 50, 50, kButton));
  phone.feed(gesture(1000, kGestureLongPress));
  phone.tick(10000);
  CHECK(phone.sink.detections.empty());
}

TEST_CASE("tapping a text field (the keyboard comes up, the page resizes) is not dead") {
  Phone phone;
  phone.feed(tap(0, 50, 50, kField));
  phone.feed(focus(1, kField));
  phone.tick(10000);
  CHECK(phone.sink.detections.empty());
}

TEST_CASE("a long-press is not a dead tap, even where the browser clicks after it") {
  Phone phone;
  SUBCASE("held past 500 ms") {
    phone.feed({touchDown(0, 50, 50, kButton), lift(700, 50, 50), tapClick(701, 50, 50, kButton)});
  }
  SUBCASE("held into the context menu") {
    phone.feed({touchDown(0, 50, 50, kButton), gesture(500, kGestureLongPress),
                lift(900, 50, 50), tapClick(901, 50, 50, kButton)});
  }
  phone.tick(10000);
  CHECK(phone.sink.detections.empty());
  // The next, short tap on the same button is judged again.
  phone.feed(tap(20000, 50, 50, kButton));
  phone.tick(23000);
  CHECK(phone.sink.detections.size() == 1);
}

TEST_CASE("the long-press threshold is a setting") {
  DeadClickThresholds thresholds;
  CHECK(thresholds.set("long_press_ms", 800));
  CHECK(thresholds.long_press_ms == 800);
  CHECK_FALSE(thresholds.set("long_press_ms", 10));
}
