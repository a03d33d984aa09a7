#include <doctest/doctest.h>

#include <cmath>

#include "detect/cursor_thrash.h"
#include "kit/detector_harness.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

namespace {
// Moves the mouse as the browser reports it: a pointer_move every 8 ms (120 Hz).
struct Mouse : DetectorHarness<CursorThrashDetector> {
  explicit Mouse(CursorThrashThresholds thresholds = {}) : DetectorHarness(thresholds) {}

  double t = 0;
  float x = 0;
  float y = 0;

  void report(double time_ms, float to_x, float to_y) {
    t = time_ms;
    x = to_x;
    y = to_y;
    feed(move(t, x, y));
  }
  void place(float to_x, float to_y) { report(t + 8, to_x, to_y); }
  void moveTo(float to_x, float to_y, double duration_ms) {
    const int steps = std::max(1, static_cast<int>(duration_ms / 8));
    const float from_x = x, from_y = y;
    const double from_t = t;
    for (int i = 1; i <= steps; ++i)
      report(from_t + duration_ms * i / steps, from_x + (to_x - from_x) * i / steps,
             from_y + (to_y - from_y) * i / steps);
  }
  void hover(uint32_t target) { feed(over(t, target, x, y)); }
  // Shakes left and right between 400 and 550 px, 120 ms a stroke (1250 px/s).
  void shake(int strokes) {
    for (int i = 0; i < strokes; ++i) moveTo(x < 475 ? 550 : 400, 300, 120);
  }
};
}  // namespace

TEST_CASE("shaking the mouse fires once, on the fifth fast direction change") {
  Mouse mouse;
  mouse.place(400, 300);
  mouse.hover(9);
  mouse.shake(5);  // four direction changes
  CHECK(mouse.sink.detections.empty());
  mouse.shake(1);
  REQUIRE(mouse.sink.detections.size() == 1);
  CHECK(mouse.sink.detections[0].kind == FrictionKind::cursor_thrash);
  CHECK(mouse.sink.detections[0].target == 9);
  CHECK(mouse.sink.detections[0].score == doctest::Approx(0.5));

  mouse.moveTo(550, 300, 120);
  mouse.moveTo(400, 300, 120);  // two more: the same episode
  CHECK(mouse.sink.detections.size() == 1);
  const double last_change = mouse.detector.nextDeadline() - 1000;
  mouse.tick(last_change + 999);
  CHECK(mouse.sink.episodes.empty());
  mouse.tick(last_change + 1000);
  REQUIRE(mouse.sink.episodes.size() == 1);
  CHECK(mouse.sink.episodes[0].count == 7);
  CHECK(mouse.sink.episodes[0].target == 9);
  CHECK(mouse.sink.episodes[0].score == doctest::Approx(0.7));
}

TEST_CASE("moving across the page to a button, overshooting a little, is not thrash") {
  Mouse mouse;
  mouse.place(50, 700);
  mouse.moveTo(700, 300, 250);
  mouse.moveTo(1235, 140, 250);  // 35 px past the button
  mouse.moveTo(1200, 150, 120);  // back onto it
  for (int i = 0; i < 6; ++i) mouse.moveTo(1200 + (i % 2 ? 3 : -3), 150, 40);  // hand tremor
  mouse.detector.flush(mouse.t + 100, mouse.sink);
  CHECK(mouse.sink.detections.empty());
  CHECK(mouse.sink.episodes.empty());
}

TEST_CASE("tracing lines while reading is not thrash") {
  Mouse mouse;
  mouse.place(100, 200);
  for (int line = 0; line < 12; ++line) {
    mouse.moveTo(700, mouse.y + 4, 4000);  // along the line, at reading pace
    mouse.moveTo(100, mouse.y + 20, 150);  // fast back to the start of the next
  }
  CHECK(mouse.sink.detections.empty());
}

TEST_CASE("slow back-and-forth and small fast tremor are not thrash") {
  Mouse slow;
  slow.place(300, 300);
  for (int i = 0; i < 12; ++i) slow.moveTo(i % 2 ? 300 : 420, 300, 400);  // 300 px/s
  CHECK(slow.sink.detections.empty());

  Mouse tremor;
  tremor.place(100, 300);
  tremor.moveTo(300, 300, 200);
  for (int i = 0; i < 40; ++i) tremor.moveTo(i % 2 ? 300 : 270, 300, 40);  // 30 px strokes
  CHECK(tremor.sink.detections.empty());
}

TEST_CASE("pausing at each turn does not hide a fast shake") {
  Mouse mouse;
  mouse.place(400, 300);
  for (int i = 0; i < 8; ++i) {
    mouse.moveTo(i % 2 ? 400 : 480, 300, 80);  // 1000 px/s
    mouse.t += 120;                            // still at the turn: no events
  }
  CHECK(mouse.sink.detections.size() == 1);
}

TEST_CASE("shaking up and down, or circling, is thrash too") {
  Mouse vertical;
  vertical.place(300, 300);
  for (int i = 0; i < 8; ++i) vertical.moveTo(300, i % 2 ? 300 : 450, 120);
  CHECK(vertical.sink.detections.size() == 1);

  Mouse mouse;
  const double kPi = 3.14159265358979;
  mouse.place(600, 400);
  for (int i = 1; i <= 320; ++i) {  // 2.5 s at two turns a second
    const double angle = 2 * kPi * 2 * i * 8 / 1000.0;
    mouse.report(mouse.t + 8, 500 + 100 * std::cos(angle), 400 + 100 * std::sin(angle));
  }
  CHECK(mouse.sink.detections.size() == 1);
}

TEST_CASE("after an episode, a new one waits for the cool-down") {
  Mouse mouse;
  mouse.place(400, 300);
  mouse.shake(8);
  REQUIRE(mouse.sink.detections.size() == 1);
  mouse.tick(mouse.t + 2000);
  REQUIRE(mouse.sink.episodes.size() == 1);
  mouse.t += 5000;
  mouse.shake(8);
  CHECK(mouse.sink.detections.size() == 1);
  mouse.t += 31000;
  mouse.shake(8);
  CHECK(mouse.sink.detections.size() == 2);
}

TEST_CASE("cursor thrash thresholds are set by name within their ranges") {
  CursorThrashThresholds thresholds;
  CHECK(thresholds.set("min_reversals", 7));
  CHECK(thresholds.set("min_speed_px_s", 800));
  CHECK_FALSE(thresholds.set("min_reversals", 1));
  CHECK_FALSE(thresholds.set("min_stroke_px", 0));
  CHECK_FALSE(thresholds.set("nope", 1));

  Mouse mouse(thresholds);
  mouse.place(400, 300);
  mouse.shake(7);  // six direction changes
  CHECK(mouse.sink.detections.empty());
  mouse.shake(1);
  CHECK(mouse.sink.detections.size() == 1);
}
