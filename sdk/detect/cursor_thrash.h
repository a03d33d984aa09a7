// Cursor thrash: the mouse shaken back and forth (or circled) fast, in a short time. Users do it
// when the page seems stuck, when they lost the cursor, or out of impatience.
//
// Published definitions: OpenReplay's tracker samples the pointer every 225 ms and reports
// thrashing after more than 4 horizontal direction changes with acceleration above a threshold;
// FullStory says "erratic or circular" without numbers. We filter every move instead of
// sampling (a 225 ms sample misses a shake faster than ~2 Hz), and count both axes, each on
// its own, so that circles and vertical shakes count too.
//
// Thresholds (per site: "cursor_thrash.<name>") and why:
//  - min_stroke_px = 50: a direction change counts only once the pointer has come back 50 px
//    from its turning point; hand tremor and the small overshoot-and-correct at the end of
//    pointing at a button stay under that.
//  - min_speed_px_s = 500: the stroke that ended at the turn must average 500 px/s. Moving the
//    pointer along lines while reading goes at reading pace, a few hundred px/s at most; a
//    shake of 100 px several times a second is well above.
//  - min_reversals = 5 within window_ms = 2000: OpenReplay's "more than 4" direction changes;
//    2 s asks for at least 2.5 fast back-and-forths a second. Pointing at a far button makes one
//    long stroke and at most one or two corrections.
//  - quiet_ms = 1000: the episode ends 1 s after the last fast direction change.
//  - cooldown_ms = 30000: no new episode for 30 s after one ends: help offered again at once
//    would be nagging.
// Dragging (sliders, drawing, selecting text) moves the mouse with a button held; the capture
// layer does not tell us, so a fast drawn scribble can look like thrash.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/friction_sink.h"

namespace friction {

struct CursorThrashThresholds {
  double min_stroke_px = 50;
  double min_speed_px_s = 500;
  uint32_t min_reversals = 5;
  double window_ms = 2000;
  double quiet_ms = 1000;
  double cooldown_ms = 30000;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class CursorThrashDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::cursor_thrash;

  static constexpr uint32_t kMaxReversals = 16;  // the most min_reversals may ask for

  explicit CursorThrashDetector(CursorThrashThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink);
  void onStep(double now_ms, FrictionSink& sink) { flush(now_ms, sink); }
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  CursorThrashThresholds& thresholds() { return thresholds_; }

 private:
  // Strokes along one axis, and the times of its latest fast direction changes (a ring).
  struct Axis {
    int direction = 0;  // +1, -1; 0 until the first stroke is long enough to tell
    float start = 0;    // where the current stroke began
    double start_ms = 0;
    float extreme = 0;  // the furthest point of the current stroke
    double extreme_ms = 0;
    double leaving_ms = -1;  // first move back from the extreme, -1 = none yet
    std::array<double, kMaxReversals> reversals{};
    uint32_t count = 0;  // fast reversals since the last reset

    bool move(float position, double time_ms, const CursorThrashThresholds& thresholds);
    bool thrashing(const CursorThrashThresholds& thresholds) const;
    double reversalTime(uint32_t back) const {
      return reversals[(count - 1 - back) % kMaxReversals];
    }
  };

  void onMove(const EventRecord& move, FrictionSink& sink);
  void onReversal(Axis& axis, double time_ms, FrictionSink& sink);
  void closeEpisode(FrictionSink& sink);
  double score() const;

  CursorThrashThresholds thresholds_;
  bool seen_ = false;
  Axis x_;
  Axis y_;
  uint32_t hovered_ = 0;  // the actionable element under the pointer, if any
  bool in_episode_ = false;
  bool episode_on_x_ = true;  // the axis that fired; its reversals are the count
  uint32_t episode_reversals_ = 0;
  uint32_t episode_target_ = 0;
  double episode_start_ms_ = 0;
  double last_reversal_ms_ = 0;
  double cooldown_until_ms_ = -1;
};

}  // namespace friction
