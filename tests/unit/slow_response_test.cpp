#include <doctest/doctest.h>

#include "detect/slow_response.h"
#include "kit/detector_harness.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kButton = 7;
constexpr uint32_t kOther = 8;

struct Page : DetectorHarness<SlowResponseDetector> {
  explicit Page(SlowResponseThresholds thresholds = {}) : DetectorHarness(thresholds) {
    sink.mark(kButton, kActionable);
    sink.mark(kOther, kActionable);
  }
};
}  // namespace

TEST_CASE("an interaction at the INP 'poor' boundary or over it is slow") {
  Page page;
  page.feed(timing(1000, kButton, 499));
  CHECK(page.sink.detections.empty());
  page.feed(timing(5000, kButton, 500));
  REQUIRE(page.sink.detections.size() == 1);
  const Detection& slow = page.sink.detections[0];
  CHECK(slow.kind == FrictionKind::slow_response);
  CHECK(slow.target == kButton);
  CHECK(slow.at_ms == 5500);
  CHECK(slow.score == doctest::Approx(0.5));
  CHECK(page.sink.episodes[0].started_ms == 5000);
  page.feed(timing(9000, 0, 1000, kTimingKey));  // a key press too
  REQUIRE(page.sink.detections.size() == 2);
  CHECK(page.sink.detections[1].score == doctest::Approx(1.0));
}

TEST_CASE("a long wait with the main thread idle is the renderer, not the page: not slow") {
  Page page;
  // Keystrokes handled in 1 ms that all wait for one paint 900 ms later (headless, occluded).
  page.feed(timing(1000, kOther, 888, kTimingKey, 1));
  page.feed(timing(1100, kOther, 792, kTimingKey, 1));
  page.feed(timing(3000, kButton, 700, kTimingPointer, 49));
  CHECK(page.sink.detections.empty());
  page.feed(timing(6000, kButton, 700, kTimingPointer, 50));  // a long task of its own
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("a click whose first visible answer comes late is slow, more so the later") {
  Page page;
  page.feed(clickOn(1000, kButton));
  page.feed(domChange(2500));
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].at_ms == 2500);
  CHECK(page.sink.detections[0].score == doctest::Approx(0.75));
  CHECK(page.sink.episodes[0].started_ms == 1000);
  CHECK(page.sink.episodes[0].count == 1);
}

TEST_CASE("every visible answer counts as the first one") {
  Page page;
  page.feed(clickOn(0, kButton));
  SUBCASE("a scroll") { page.feed(scroll(1300, 500)); }
  SUBCASE("focus moving elsewhere") { page.feed(focus(1300, kOther)); }
  SUBCASE("a new tab or window") { page.feed(windowBlur(1300)); }
  SUBCASE("a route change") { page.detector.onStep(1300, page.sink); }
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("only the first visible answer is timed") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(focus(5, kButton));  // the click focusing its own button
  page.feed(domChange(900));
  page.feed(domChange(1500));
  page.detector.onStep(2000, page.sink);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("no answer before the dead-click window makes a dead click, not a slow one") {
  Page page;
  page.feed(clickOn(0, kButton));
  SUBCASE("just inside the window") {
    page.feed(domChange(2499));
    CHECK(page.sink.detections.size() == 1);
  }
  SUBCASE("at the window") {
    page.feed(domChange(2500));
    CHECK(page.sink.detections.empty());
  }
  SUBCASE("long after a tick") {
    page.tick(3000);
    page.feed(domChange(3100));
    CHECK(page.sink.detections.empty());
  }
}

TEST_CASE("a click that started a request may show its result later and still be slow") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(100, 1));
  SUBCASE("within the busy limit") {
    page.tick(3000);
    page.feed(domChange(4000));
    REQUIRE(page.sink.detections.size() == 1);
    CHECK(page.sink.detections[0].score == doctest::Approx(1.0));
  }
  SUBCASE("after it") {
    page.tick(10500);
    page.feed(domChange(10600));
    CHECK(page.sink.detections.empty());
  }
  SUBCASE("after it, with no tick in between") {
    page.feed(domChange(10600));
    CHECK(page.sink.detections.empty());
  }
}

TEST_CASE("clicks that answer elsewhere are not timed") {
  Page page;
  uint32_t traits = 0;
  uint16_t flags = 0;
  SUBCASE("plain text") { traits = 0; }
  SUBCASE("a text field") { traits = kActionable | kTextField; }
  SUBCASE("a form control") { traits = kActionable | kFormControl; }
  SUBCASE("a label") { traits = kActionable | kLabel; }
  SUBCASE("a download") { traits = kActionable | kLink | kDownload; }
  SUBCASE("a new tab") { traits = kActionable | kLink | kNewTab; }
  SUBCASE("a modifier click") {
    traits = kActionable;
    flags = kClickModifier;
  }
  page.sink.mark(40, traits);
  page.feed(clickOn(0, 40, flags));
  page.feed(domChange(1500));
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a link whose route change comes late is slow") {
  Page page;
  page.sink.mark(41, kActionable | kLink);
  page.feed(clickOn(0, 41));
  page.detector.onStep(1800, page.sink);
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].target == 41);
}

TEST_CASE("one interaction seen both by Event Timing and by its late answer is reported once") {
  Page page;
  SUBCASE("a handler that blocks: the answer, then the browser's record") {
    page.feed(clickOn(0, kButton));
    page.feed(domChange(1200));
    page.feed(timing(0, kButton, 1216));
  }
  SUBCASE("a slow handler, then a late async answer") {
    page.feed(clickOn(0, kButton));
    page.feed(timing(0, kButton, 600));
    page.feed(domChange(1500));
  }
  SUBCASE("a burst of clicks in one freeze") {
    page.feed(clickOn(0, kButton));
    page.feed(clickOn(300, kOther));
    page.feed(domChange(1400));
    page.feed(timing(0, kButton, 1400));
    page.feed(timing(300, kOther, 1100));
  }
  CHECK(page.sink.detections.size() == 1);
  CHECK(page.sink.episodes.size() == 1);
}

TEST_CASE("separate slow interactions are reported separately") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(domChange(1200));
  page.feed(clickOn(5000, kButton));
  page.feed(domChange(6500));
  CHECK(page.sink.detections.size() == 2);
}

TEST_CASE("repeat clicks while waiting are one wait, timed from the first") {
  Page page;
  for (int i = 0; i < 3; ++i) page.feed(clickOn(i * 300.0, kButton));
  page.feed(domChange(1200));
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.episodes[0].started_ms == 0);
  CHECK(page.sink.episodes[0].count == 3);
}

TEST_CASE("a hidden tab or the page leaving stops the clock") {
  Page page;
  page.feed(clickOn(0, kButton));
  SUBCASE("hidden") { page.feed(visibility(500, false)); }
  SUBCASE("leaving") { page.detector.flush(500, page.sink); }
  page.feed(domChange(1500));
  CHECK(page.sink.detections.empty());
  CHECK(page.detector.nextDeadline() == kNoDeadline);
}

TEST_CASE("slow response thresholds are settable within range") {
  SlowResponseThresholds thresholds;
  CHECK(thresholds.set("interaction_ms", 300));
  CHECK(thresholds.set("late_ms", 600));
  CHECK(thresholds.set("dead_after_ms", 3000));
  CHECK(thresholds.set("busy_limit_ms", 20000));
  CHECK_FALSE(thresholds.set("interaction_ms", 50));
  CHECK_FALSE(thresholds.set("late_ms", 1e6));
  CHECK_FALSE(thresholds.set("nope", 1));
  Page page(thresholds);
  page.feed(timing(0, kButton, 300));
  page.feed(clickOn(5000, kButton));
  page.feed(domChange(5600));
  CHECK(page.sink.detections.size() == 2);
}
