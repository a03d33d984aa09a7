#include <doctest/doctest.h>

#include "detect/rage_click.h"
#include "kit/events.h"
#include "kit/recording_sink.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kButton = 7;
}  // namespace

TEST_CASE("three quick clicks on the same spot fire once, on the third") {
  RageClickDetector detector;
  RecordingSink sink;
  detector.onEvent(click(0, 100, 100, kButton), sink);
  detector.onEvent(click(300, 104, 98, kButton), sink);
  CHECK(sink.detections.empty());
  detector.onEvent(click(600, 101, 103, kButton), sink);
  REQUIRE(sink.detections.size() == 1);
  CHECK(sink.detections[0].kind == FrictionKind::rage_click);
  CHECK(sink.detections[0].target == 7);
  CHECK(sink.detections[0].at_ms == 600);
  CHECK(sink.detections[0].score == doctest::Approx(0.5));
  detector.onEvent(click(900, 100, 100, kButton), sink);  // same burst: no second alarm
  CHECK(sink.detections.size() == 1);
  CHECK(sink.episodes.empty());
}

TEST_CASE("the episode closes when clicks stop, with the final count and span") {
  RageClickDetector detector;
  RecordingSink sink;
  for (int i = 0; i < 5; ++i) detector.onEvent(click(i * 200.0, 50, 50, kButton), sink);
  CHECK(detector.nextDeadline() == doctest::Approx(1801));
  detector.onTick(1800, sink);
  CHECK(sink.episodes.empty());
  detector.onTick(1801, sink);
  REQUIRE(sink.episodes.size() == 1);
  CHECK(sink.episodes[0].count == 5);
  CHECK(sink.episodes[0].started_ms == 0);
  CHECK(sink.episodes[0].ended_ms == 800);
  CHECK(sink.episodes[0].score == doctest::Approx(0.7));
  detector.onTick(5000, sink);
  CHECK(sink.episodes.size() == 1);  // closed only once
  CHECK(detector.nextDeadline() == kNoDeadline);
}

TEST_CASE("slow clicks, far clicks and clicks on other targets are not rage") {
  RecordingSink sink;
  SUBCASE("a gap over one second breaks the chain") {
    RageClickDetector detector;
    for (double t : {0.0, 900.0, 1901.0}) detector.onEvent(click(t, 10, 10, kButton), sink);
  }
  SUBCASE("moving more than 30 px breaks the chain") {
    RageClickDetector detector;
    detector.onEvent(click(0, 10, 10, kButton), sink);
    detector.onEvent(click(100, 30, 10, kButton), sink);
    detector.onEvent(click(200, 30, 41, kButton), sink);
  }
  SUBCASE("another target breaks the chain") {
    RageClickDetector detector;
    detector.onEvent(click(0, 10, 10, 1), sink);
    detector.onEvent(click(100, 10, 10, 1), sink);
    detector.onEvent(click(200, 10, 10, 2), sink);
  }
  SUBCASE("a double click is not rage") {
    RageClickDetector detector;
    detector.onEvent(click(0, 10, 10, kButton), sink);
    detector.onEvent(click(120, 10, 10, kButton), sink);
    detector.flush(5000, sink);
  }
  CHECK(sink.detections.empty());
  CHECK(sink.episodes.empty());
}

TEST_CASE("a stepper, a carousel or a date picker answers every click: not rage") {
  for (EventType answer : {EventType::dom_change, EventType::scroll}) {
    RageClickDetector detector;
    RecordingSink sink;
    for (int i = 0; i < 6; ++i) {
      detector.onEvent(click(i * 150.0, 10, 10, kButton), sink);
      detector.onEvent(event(answer, i * 150.0 + 16), sink);
    }
    detector.flush(5000, sink);
    CHECK(sink.detections.empty());
  }
}

TEST_CASE("a control that answered once and then went dead is rage once most clicks go unanswered") {
  RageClickDetector detector;
  RecordingSink sink;
  detector.onEvent(click(0, 10, 10, kButton), sink);
  detector.onEvent(domChange(20), sink);
  detector.onEvent(click(200, 10, 10, kButton), sink);
  detector.onEvent(click(400, 10, 10, kButton), sink);  // 1 of 2 earlier clicks answered: not yet
  CHECK(sink.detections.empty());
  detector.onEvent(click(600, 10, 10, kButton), sink);  // 1 of 3
  CHECK(sink.detections.size() == 1);
}

TEST_CASE("focus landing on the clicked button itself is not an answer") {
  RageClickDetector detector;
  RecordingSink sink;
  for (int i = 0; i < 3; ++i) {
    detector.onEvent(click(i * 200.0, 10, 10, kButton), sink);
    detector.onEvent(focus(i * 200.0 + 1, 7), sink);
  }
  CHECK(sink.detections.size() == 1);
}

TEST_CASE("a triple click that selects text is reading, not rage") {
  RageClickDetector detector;
  RecordingSink sink;
  detector.onEvent(click(0, 10, 10, kButton), sink);
  detector.onEvent(click(120, 10, 10, kButton), sink);
  detector.onEvent(selection(125), sink);
  detector.onEvent(click(240, 10, 10, kButton), sink);
  detector.flush(2000, sink);
  CHECK(sink.detections.empty());
}

TEST_CASE("clicks that land on a text selection are selecting, even before selectionchange") {
  RageClickDetector detector;
  RecordingSink sink;
  for (int i = 0; i < 3; ++i) {
    EventRecord c = click(i * 100.0, 10, 10, kButton);
    c.a = i + 1;
    if (i > 0) c.flags = kClickWithSelection;
    detector.onEvent(c, sink);
  }
  detector.flush(2000, sink);
  CHECK(sink.detections.empty());
}

TEST_CASE("thresholds are configurable within their ranges") {
  RageClickThresholds thresholds;
  CHECK(thresholds.set("min_clicks", 4));
  CHECK(thresholds.set("max_gap_ms", 500));
  CHECK_FALSE(thresholds.set("min_clicks", 1));
  CHECK_FALSE(thresholds.set("nonsense", 3));
  RageClickDetector detector(thresholds);
  RecordingSink sink;
  for (int i = 0; i < 3; ++i) detector.onEvent(click(i * 400.0, 5, 5, kButton), sink);
  CHECK(sink.detections.empty());
  detector.onEvent(click(1200, 5, 5, kButton), sink);
  CHECK(sink.detections.size() == 1);
}

TEST_CASE("a carousel's arrow that scrolls its box answers each click: not rage") {
  RageClickDetector detector;
  RecordingSink sink;
  for (int i = 0; i < 6; ++i) {
    detector.onEvent(click(i * 150.0, 10, 10, kButton), sink);
    detector.onEvent(scrollIn(i * 150.0 + 16, 31, 0, 300 * (i + 1)), sink);  // the box, not the window
  }
  detector.flush(5000, sink);
  CHECK(sink.detections.empty());
}

TEST_CASE("a request the visitor cannot see is no answer: clicked again while it thinks is rage") {
  RageClickDetector detector;
  RecordingSink sink;
  for (int i = 0; i < 4; ++i) {
    detector.onEvent(click(i * 300.0, 10, 10, kButton), sink);
    detector.onEvent(requestStart(i * 300.0 + 5, i + 1), sink);
  }
  CHECK(sink.detections.size() == 1);
}
