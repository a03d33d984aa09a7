#include <doctest/doctest.h>

#include "detect/hesitation.h"
#include "kit/events.h"
#include "kit/recording_sink.h"

using namespace friction;
using namespace friction::testing;

TEST_CASE("resting on a call to action for three seconds without clicking is hesitation") {
  HesitationDetector detector;
  RecordingSink sink;
  sink.mark(3, kActionable);
  detector.onEvent(over(1000, 3), sink);
  CHECK(detector.nextDeadline() == doctest::Approx(4000));
  detector.onTick(3999, sink);
  CHECK(sink.detections.empty());
  detector.onTick(4000, sink);
  REQUIRE(sink.detections.size() == 1);
  CHECK(sink.detections[0].kind == FrictionKind::hesitation);
  CHECK(sink.detections[0].target == 3);
  CHECK(sink.episodes.size() == 1);
  // Leaving and coming back to the same button on the same step does not nag again.
  detector.onEvent(over(5000, 0), sink);
  detector.onEvent(over(6000, 3), sink);
  detector.onTick(20000, sink);
  CHECK(sink.detections.size() == 1);
}

TEST_CASE("clicking, moving on, or hiding the tab in time is not hesitation") {
  RecordingSink sink;
  sink.mark(3, kActionable);
  // Scrolling the hovered element counts as moving on: a focusable reading pane under the
  // pointer, read with the wheel, is hovered all along without any doubt.
  for (EventRecord acted : {clickOn(2500, 3), over(2500, 0), visibility(2500, false),
                            scrollIn(2500, 3, 400)}) {
    HesitationDetector detector;
    detector.onEvent(over(1000, 3), sink);
    detector.onEvent(acted, sink);
    detector.onTick(30000, sink);
  }
  CHECK(sink.detections.empty());
}

TEST_CASE("a focused field left empty for eight seconds is hesitation; typing is not") {
  RecordingSink sink;
  sink.mark(5, kTextField);
  sink.mark(6, kActionable);
  HesitationDetector idle;
  idle.onEvent(focus(0, 5), sink);
  idle.onTick(8000, sink);
  REQUIRE(sink.detections.size() == 1);
  CHECK(sink.detections[0].target == 5);

  HesitationDetector typing;
  typing.onEvent(focus(0, 5), sink);
  typing.onEvent(input(2000, 5, 1), sink);
  typing.onTick(30000, sink);
  HesitationDetector button;  // focus on a button is not a field waiting for input
  button.onEvent(focus(0, 6), sink);
  button.onTick(30000, sink);
  CHECK(sink.detections.size() == 1);
}

TEST_CASE("a new step forgets what already hesitated") {
  HesitationDetector detector;
  RecordingSink sink;
  sink.mark(3, kActionable);
  detector.onEvent(over(0, 3), sink);
  detector.onTick(3000, sink);
  detector.onStep(4000, sink);
  detector.onEvent(over(5000, 3), sink);
  detector.onTick(8000, sink);
  CHECK(sink.detections.size() == 2);
}

TEST_CASE("the window scrolling, or another box, does not end a hover: only its own scroll") {
  RecordingSink sink;
  sink.mark(3, kActionable);
  HesitationDetector detector;
  detector.onEvent(over(1000, 3), sink);
  detector.onEvent(scroll(1010, 400), sink);  // the page brought the button into view
  detector.onEvent(scrollIn(1500, 9, 200), sink);
  detector.onTick(4500, sink);
  CHECK(sink.detections.size() == 1);
}
