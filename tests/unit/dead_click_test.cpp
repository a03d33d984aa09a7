#include <doctest/doctest.h>

#include "detect/dead_click.h"
#include "kit/detector_harness.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kButton = 7;
constexpr uint32_t kOther = 8;

struct Page : DetectorHarness<DeadClickDetector> {
  explicit Page(DeadClickThresholds thresholds = {}) : DetectorHarness(thresholds) {
    sink.mark(kButton, kActionable);
    sink.mark(kOther, kActionable);
  }
};
}  // namespace

TEST_CASE("a button click that nothing answers is dead, once, when the window ends") {
  Page page;
  page.feed(clickOn(1000, kButton));
  CHECK(page.detector.nextDeadline() == 3500);
  page.tick(3499);
  CHECK(page.sink.detections.empty());
  page.tick(3500);
  REQUIRE(page.sink.detections.size() == 1);
  const Detection& dead = page.sink.detections[0];
  CHECK(dead.kind == FrictionKind::dead_click);
  CHECK(dead.target == kButton);
  CHECK(dead.at_ms == 3500);
  CHECK(dead.score == doctest::Approx(0.6));
  REQUIRE(page.sink.episodes.size() == 1);
  CHECK(page.sink.episodes[0].count == 1);
  CHECK(page.sink.episodes[0].started_ms == 1000);
  page.tick(20000);
  CHECK(page.sink.detections.size() == 1);
  CHECK(page.detector.nextDeadline() == kNoDeadline);
}

TEST_CASE("a link that needs a script (href=#) is a candidate too") {
  Page page;
  page.sink.mark(30, kPseudoLink);
  page.feed(clickOn(0, 30));
  page.tick(2500);
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("any answer within the window makes the click alive") {
  Page page;
  page.feed(clickOn(1000, kButton));
  SUBCASE("a synchronous DOM update") { page.feed(domChange(1000.4, 3)); }
  SUBCASE("a DOM update just before the window ends") {
    page.feed(domChange(3499));
  }
  SUBCASE("a scroll") { page.feed(scroll(1100, 400)); }
  SUBCASE("a text selection") { page.feed(selection(1100)); }
  SUBCASE("focus moving to another element") { page.feed(focus(1100, kOther)); }
  SUBCASE("a new tab or window") { page.feed(windowBlur(1100)); }
  SUBCASE("a request") { page.feed(requestStart(1200, 1)); }
  SUBCASE("a form submitting") { page.feed(submit(1050, 99)); }
  SUBCASE("the tab hidden") { page.feed(visibility(1100, false)); }
  page.tick(20000);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("focus landing on the clicked button itself is not an answer") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(focus(1, kButton));
  page.tick(2500);
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("an answer after the window does not revive the click") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(domChange(2600));  // no tick in between
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].at_ms == 2500);
}

TEST_CASE("clicks that answer themselves or need no script are never dead") {
  Page page;
  uint32_t traits = 0;
  uint16_t flags = 0;
  SUBCASE("plain text") { traits = 0; }
  SUBCASE("a label") { traits = kLabel; }
  SUBCASE("a label marked actionable") { traits = kActionable | kLabel; }
  SUBCASE("a text field") { traits = kActionable | kTextField; }
  SUBCASE("a form control") { traits = kActionable | kFormControl; }
  SUBCASE("a real link: navigation answers it") { traits = kActionable | kLink; }
  SUBCASE("a download link") { traits = kActionable | kPseudoLink | kDownload; }
  SUBCASE("a target=_blank link") { traits = kActionable | kPseudoLink | kNewTab; }
  SUBCASE("a click with a modifier key") {
    traits = kActionable;
    flags = kClickModifier;
  }
  page.sink.mark(40, traits);
  page.feed(clickOn(0, 40, flags));
  CHECK(page.detector.nextDeadline() == kNoDeadline);
  page.tick(20000);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a step change answers the waiting clicks") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.detector.onStep(800, page.sink);
  page.tick(20000);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a step change after the window passed does not undo a dead click") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.detector.onStep(3000, page.sink);
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("the page leaving drops waiting clicks: the unload may be their answer") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.detector.flush(900, page.sink);
  CHECK(page.detector.nextDeadline() == kNoDeadline);
  page.tick(20000);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a rage burst on a dead button is one dead click") {
  Page page;
  for (int i = 0; i < 5; ++i) page.feed(clickOn(i * 200.0, kButton));
  CHECK(page.detector.nextDeadline() == 2500);  // the first click has waited longest
  page.tick(20000);
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].at_ms == 2500);  // the first click's window
  CHECK(page.sink.detections[0].score == doctest::Approx(1.0));
  CHECK(page.sink.episodes[0].count == 5);
}

TEST_CASE("retries on a reported button stay quiet until the cool-down passes") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.tick(2500);
  page.feed(clickOn(4000, kButton));  // retry: same episode
  page.tick(7000);
  page.feed(clickOn(8500, kButton));  // 4.5 s after the retry: still the same episode
  page.tick(12000);
  CHECK(page.sink.detections.size() == 1);
  page.feed(clickOn(14000, kButton));  // 5.5 s of quiet: a new episode
  page.tick(16500);
  CHECK(page.sink.detections.size() == 2);
}

TEST_CASE("several buttons are watched at once") {
  Page page;
  SUBCASE("two dead buttons: two dead clicks") {
    page.feed(clickOn(0, kButton));
    page.feed(clickOn(100, kOther));
    page.tick(20000);
    REQUIRE(page.sink.detections.size() == 2);
    CHECK(page.sink.detections[0].target != page.sink.detections[1].target);
  }
  SUBCASE("an answer before the second click only answers the first") {
    page.feed(clickOn(0, kButton));
    page.feed(domChange(500));
    page.feed(clickOn(1000, kOther));
    page.tick(20000);
    REQUIRE(page.sink.detections.size() == 1);
    CHECK(page.sink.detections[0].target == kOther);
  }
}

TEST_CASE("memory stays bounded however many buttons are clicked") {
  Page page;
  for (uint32_t id = 100; id < 140; ++id) {
    page.sink.mark(id, kActionable);
    page.feed(clickOn(id * 10.0, id));
  }
  page.tick(20000);
  REQUIRE(page.sink.detections.size() == ClickResponseWatch::kSlots);
  for (const Detection& dead : page.sink.detections)  // the newest ones
    CHECK(dead.target >= 140 - ClickResponseWatch::kSlots);
}

TEST_CASE("dead click thresholds are settable within range") {
  DeadClickThresholds thresholds;
  CHECK(thresholds.set("window_ms", 1000));
  CHECK(thresholds.set("cooldown_ms", 0));
  CHECK_FALSE(thresholds.set("window_ms", 50));
  CHECK_FALSE(thresholds.set("cooldown_ms", -1));
  CHECK_FALSE(thresholds.set("nope", 1));
  Page page(thresholds);
  page.feed(clickOn(0, kButton));
  page.tick(1000);
  CHECK(page.sink.detections.size() == 1);
}

// Look-alikes: not a control, styled like one (kLooksClickable, js/src/look_alike.js).
TEST_CASE("a look-alike that nothing answers is dead, less surely than a button") {
  Page page;
  page.sink.mark(50, kLooksClickable);
  page.feed(clickOn(1000, 50));
  CHECK(page.detector.nextDeadline() == 3500);
  page.tick(3500);
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].target == 50);
  CHECK(page.sink.detections[0].score == doctest::Approx(0.45));
}

TEST_CASE("a retried look-alike weighs about as much as one click on a button") {
  Page page;
  page.sink.mark(50, kLooksClickable);
  page.feed(clickOn(1000, 50));
  page.feed(clickOn(1800, 50));
  page.tick(3500);
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].score == doctest::Approx(0.55));
  REQUIRE(page.sink.episodes.size() == 1);
  CHECK(page.sink.episodes[0].count == 2);
}

TEST_CASE("a look-alike that answers is alive, by the same answers as a button") {
  Page page;
  page.sink.mark(50, kLooksClickable);
  page.feed(clickOn(1000, 50));
  SUBCASE("it opens something") { page.feed(domChange(1200, 4)); }
  SUBCASE("it fetches") { page.feed(event(EventType::request_start, 1300, 0, 1)); }
  SUBCASE("it scrolls a box") { page.feed(scrollIn(1100, 12, 300)); }
  page.tick(20000);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a look-alike is a button's equal for cool-down and rage bursts") {
  Page page;
  page.sink.mark(50, kLooksClickable);
  for (double t : {1000.0, 1200.0, 1400.0}) page.feed(clickOn(t, 50));
  page.tick(3500);
  REQUIRE(page.sink.detections.size() == 1);
  page.feed(clickOn(5000, 50));  // retried within the cool-down: the same episode
  page.tick(20000);
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("look-alike clicks that are not asking for an action are never dead") {
  Page page;
  uint32_t traits = kLooksClickable;
  uint16_t flags = 0;
  SUBCASE("text the click selected (a double click to copy a word)") { flags = kClickWithSelection; }
  SUBCASE("with a modifier key") { flags = kClickModifier; }
  SUBCASE("a look-alike that is a label") { traits |= kLabel; }
  SUBCASE("a look-alike that is a real link") { traits |= kActionable | kLink; }
  page.sink.mark(50, traits);
  page.feed(clickOn(0, 50, flags));
  page.tick(20000);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a click on a disabled control is the page saying no, not a dead click") {
  Page page;
  page.feed(clickOn(0, kButton, kClickDisabled));
  CHECK(page.detector.nextDeadline() == kNoDeadline);
  page.tick(20000);
  CHECK(page.sink.detections.empty());
  // The same button once enabled is a candidate again.
  page.feed(clickOn(30000, kButton));
  page.tick(40000);
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("a button that selected its own text is still a dead button") {
  Page page;
  page.feed(clickOn(0, kButton, kClickWithSelection));
  page.tick(20000);
  CHECK(page.sink.detections.size() == 1);
}
