#include <doctest/doctest.h>

#include "detect/scroll_thrash.h"
#include "kit/detector_harness.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

namespace {
// Scrolls the page as the browser reports it: one scroll event per frame-ish (50 ms).
struct Page : DetectorHarness<ScrollThrashDetector> {
  explicit Page(ScrollThrashThresholds thresholds = {}) : DetectorHarness(thresholds) {}

  double t = 0;
  int32_t y = 0;

  void scrollTo(int32_t to, double duration_ms) {
    const int steps = std::max(1, static_cast<int>(duration_ms / 50));
    const int32_t from = y;
    for (int i = 1; i <= steps; ++i) {
      y = from + (to - from) * i / steps;
      t += duration_ms / steps;
      feed(scroll(t, y));
    }
  }
  void wait(double ms) { t += ms; }
};
}  // namespace

TEST_CASE("searching up and down fires once, on the fourth reversal") {
  Page page;
  page.scrollTo(1500, 600);
  page.scrollTo(400, 500);   // reversal 1
  page.scrollTo(1600, 500);  // 2
  page.scrollTo(300, 500);   // 3
  CHECK(page.sink.detections.empty());
  const double before = page.t;
  page.scrollTo(1400, 500);  // 4
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].kind == FrictionKind::scroll_thrash);
  CHECK(page.sink.detections[0].at_ms > before);
  CHECK(page.sink.detections[0].score == doctest::Approx(0.5));

  page.scrollTo(200, 500);  // 5: the same episode
  CHECK(page.sink.detections.size() == 1);
  const double quiet_from = page.detector.nextDeadline() - 4000;
  page.tick(quiet_from + 3999);
  CHECK(page.sink.episodes.empty());
  page.tick(quiet_from + 4000);
  REQUIRE(page.sink.episodes.size() == 1);
  CHECK(page.sink.episodes[0].count == 5);
  CHECK(page.sink.episodes[0].score == doctest::Approx(0.6));
  CHECK(page.sink.episodes[0].started_ms < page.sink.detections[0].at_ms);
  CHECK(page.detector.nextDeadline() == kNoDeadline);
}

TEST_CASE("reading down with short look-backs is not thrash") {
  Page page;
  for (int paragraph = 0; paragraph < 30; ++paragraph) {
    page.scrollTo(page.y + 300, 300);
    page.wait(2000);
    if (paragraph % 3 == 0) page.scrollTo(page.y - 150, 200);  // re-read a few lines
    page.wait(2000);
  }
  // Two longer look-backs, each followed by reading again.
  page.scrollTo(page.y - 400, 400);
  page.wait(6000);
  page.scrollTo(page.y + 800, 600);
  page.wait(4000);
  page.scrollTo(page.y - 400, 400);
  page.wait(6000);
  page.scrollTo(page.y + 800, 600);
  page.detector.flush(page.t + 1000, page.sink);
  CHECK(page.sink.detections.empty());
  CHECK(page.sink.episodes.empty());
}

TEST_CASE("a smooth scroll to the top and back once is not thrash") {
  Page page;
  page.scrollTo(5000, 3000);
  page.scrollTo(0, 800);
  page.scrollTo(5000, 800);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("jitter under 200 px is not a reversal") {
  Page page;
  page.scrollTo(1000, 500);
  for (int i = 0; i < 20; ++i) {
    page.scrollTo(850, 100);
    page.scrollTo(1000, 100);
  }
  CHECK(page.sink.detections.empty());
}

TEST_CASE("reversals spread over more than eight seconds are not thrash") {
  Page page;
  for (int i = 0; i < 10; ++i) {
    page.scrollTo(i % 2 ? 0 : 1000, 500);
    page.wait(2600);  // a reversal every 3.1 s: four of them span more than 9 s
  }
  CHECK(page.sink.detections.empty());
}

TEST_CASE("after an episode, a new one waits for the cool-down") {
  Page page;
  auto thrash = [&] {
    for (int i = 0; i < 5; ++i) page.scrollTo(i % 2 ? 0 : 1500, 400);
  };
  thrash();
  REQUIRE(page.sink.detections.size() == 1);
  page.wait(5000);
  page.tick(page.t);
  REQUIRE(page.sink.episodes.size() == 1);
  thrash();
  CHECK(page.sink.detections.size() == 1);
  page.wait(31000);
  thrash();
  CHECK(page.sink.detections.size() == 2);
}

TEST_CASE("a step change closes the open episode and forgets the old page's positions") {
  Page page;
  for (int i = 0; i < 5; ++i) page.scrollTo(i % 2 ? 0 : 1500, 400);
  REQUIRE(page.sink.detections.size() == 1);
  page.detector.onStep(page.t, page.sink);
  CHECK(page.sink.episodes.size() == 1);
  CHECK(page.detector.nextDeadline() == kNoDeadline);
}

TEST_CASE("reversals on the old page do not add up with the new page's") {
  Page page;
  for (int i = 0; i < 4; ++i) page.scrollTo(i % 2 ? 0 : 1500, 400);  // 3 reversals
  page.detector.onStep(page.t, page.sink);
  page.y = 0;  // the new route starts at the top
  page.scrollTo(1200, 600);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("scroll thrash thresholds are set by name within their ranges") {
  ScrollThrashThresholds thresholds;
  CHECK(thresholds.set("min_leg_px", 400));
  CHECK(thresholds.set("min_reversals", 6));
  CHECK_FALSE(thresholds.set("min_reversals", 17));
  CHECK_FALSE(thresholds.set("window_ms", 10));
  CHECK_FALSE(thresholds.set("nope", 1));

  Page page(thresholds);
  for (int i = 0; i < 6; ++i) page.scrollTo(i % 2 ? 0 : 1500, 400);  // 5 reversals
  CHECK(page.sink.detections.empty());
  page.scrollTo(1500, 400);
  CHECK(page.sink.detections.size() == 1);
}

// Inner scrollers: a box (terms, a product list, a drawer) is named by its target id; the window
// is target 0.
namespace {
struct Box {
  Page& page;
  uint32_t target;
  int32_t top = 0;

  void scrollTo(int32_t to, double duration_ms) {
    const int steps = std::max(1, static_cast<int>(duration_ms / 50));
    const int32_t from = top;
    for (int i = 1; i <= steps; ++i) {
      top = from + (to - from) * i / steps;
      page.t += duration_ms / steps;
      page.feed(scrollIn(page.t, target, top));
    }
  }
};
}  // namespace

TEST_CASE("thrash inside a box names the box") {
  Page page;
  Box terms{page, 7};
  for (int i = 0; i < 5; ++i) terms.scrollTo(i % 2 ? 0 : 900, 400);
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].target == 7);
  page.tick(page.t + 4000);
  REQUIRE(page.sink.episodes.size() == 1);
  CHECK(page.sink.episodes[0].target == 7);
}

TEST_CASE("two scrollers interleaved keep their own legs") {
  Page page;
  Box list{page, 3};
  // Each alone goes back and forth twice (2 reversals, under the 4 needed): together they make
  // 4 reversals in 8 s, which must not add up, nor break each other's legs.
  list.scrollTo(800, 300);
  page.scrollTo(1500, 300);
  list.scrollTo(100, 300);   // list: reversal 1
  page.scrollTo(300, 300);   // window: reversal 1
  list.scrollTo(800, 300);   // list: 2
  page.scrollTo(1500, 300);  // window: 2
  CHECK(page.sink.detections.empty());
  // Now the list goes on thrashing while the window keeps still: its own 4th reversal fires.
  list.scrollTo(100, 300);  // 3
  list.scrollTo(800, 300);  // 4
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].target == 3);
  // The window's next reversals start from its own leg (its 3rd and 4th, in time).
  page.scrollTo(300, 300);
  page.scrollTo(1500, 300);
  REQUIRE(page.sink.detections.size() == 2);
  CHECK(page.sink.detections[1].target == 0);
}

TEST_CASE("the cool-down belongs to the scroller that thrashed") {
  Page page;
  Box drawer{page, 5};
  for (int i = 0; i < 5; ++i) page.scrollTo(i % 2 ? 0 : 1500, 400);
  REQUIRE(page.sink.detections.size() == 1);
  page.tick(page.t + 4000);
  page.wait(4000);
  for (int i = 0; i < 5; ++i) drawer.scrollTo(i % 2 ? 0 : 1000, 400);
  REQUIRE(page.sink.detections.size() == 2);
  CHECK(page.sink.detections[1].target == 5);
}

TEST_CASE("the least recently scrolled box is forgotten, its open episode reported first") {
  Page page;
  Box first{page, 1};
  for (int i = 0; i < 5; ++i) first.scrollTo(i % 2 ? 0 : 1000, 400);
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.episodes.empty());
  // Four other scrollers moved after it: the first one's slot goes to the last of them.
  for (uint32_t other = 2; other <= ScrollThrashDetector::kScrollers; ++other) {
    Box box{page, other};
    box.scrollTo(50, 100);
  }
  CHECK(page.sink.episodes.empty());
  page.scrollTo(50, 100);  // the window: a fifth scroller
  REQUIRE(page.sink.episodes.size() == 1);
  CHECK(page.sink.episodes[0].target == 1);
  // Coming back, the first box starts over: three reversals are not yet thrash.
  first.top = 0;
  for (int i = 0; i < 4; ++i) first.scrollTo(i % 2 ? 0 : 1000, 400);
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("reading a long terms box top to bottom, with a look back, is not thrash") {
  Page page;
  Box terms{page, 9};  // 300 px tall, 4000 px of text
  for (int screen = 0; screen < 12; ++screen) {
    terms.scrollTo(terms.top + 100, 150);  // one wheel notch
    page.wait(1500);
    terms.scrollTo(terms.top + 100, 150);
    page.wait(1500);
    if (screen == 5) {  // back to the clause that mattered, then on
      terms.scrollTo(terms.top - 500, 400);
      page.wait(3000);
      terms.scrollTo(terms.top + 500, 400);
    }
  }
  page.detector.flush(page.t + 1000, page.sink);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a chat log that follows new messages, read back now and then, is not thrash") {
  Page page;
  Box chat{page, 4};
  chat.top = 2000;
  for (int message = 0; message < 40; ++message) {
    chat.scrollTo(chat.top + 60, 100);  // the log keeps the newest message in view
    page.wait(1500);
    if (message % 10 == 5) {
      chat.scrollTo(chat.top - 400, 300);  // scroll up to read what was said
      page.wait(4000);
      chat.scrollTo(chat.top + 400, 300);  // and back to the bottom
    }
  }
  page.detector.flush(page.t + 1000, page.sink);
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a carousel swiped back and forth is browsing: the horizontal axis does not count") {
  Page page;
  int32_t left = 0;
  for (int swipe = 0; swipe < 20; ++swipe) {
    left = swipe % 2 ? left - 600 : left + 900;
    page.t += 300;
    page.feed(scrollIn(page.t, 6, 0, left));  // scrollTop stays 0
  }
  page.detector.flush(page.t + 1000, page.sink);
  CHECK(page.sink.detections.empty());
}
