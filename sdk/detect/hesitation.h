// Hesitation: a long pause with the pointer resting on a call to action, or with focus in a
// field, without acting. The user is unsure what will happen or what to enter: the moment to
// offer an explanation, not an alarm.
//
// Thresholds (per site: "hesitation.<name>") and why:
//  - hover_ms = 3000: OpenReplay measures hover-to-click time but publishes no threshold. People
//    who know what a button does click it within about a second of reaching it; three seconds
//    resting on it without clicking is doubt (or reading its label twice).
//  - focus_idle_ms = 8000: typing usually starts within a couple of seconds of focusing a field;
//    eight seconds of nothing means the field asks for something the user does not have or
//    does not understand (an id, a code, a format).
// The hovered element scrolling ends its watch: a focusable reading pane read with the wheel is
// hovered the whole time by someone reading, not resting on a decision.
// Only actionable elements, fields and look-alikes (a card with a pointer cursor) count (the JS
// layer reports pointer_over for those only),
// a hidden tab pauses nothing (it cancels: the user is elsewhere), and each element hesitates
// at most once per step: help that repeats itself is nagging.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/friction_sink.h"

namespace friction {

struct HesitationThresholds {
  double hover_ms = 3000;
  double focus_idle_ms = 8000;

  bool set(std::string_view name, double value);
};

class HesitationDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::hesitation;

  explicit HesitationDetector(HesitationThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink);
  void onStep(double now_ms, FrictionSink& sink);
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  HesitationThresholds& thresholds() { return thresholds_; }

 private:
  struct Watch {
    uint32_t target = 0;  // 0 = not watching
    double since_ms = 0;
  };

  void fireIfDue(Watch& watch, double limit_ms, double now_ms, FrictionSink& sink);
  bool alreadyFired(uint32_t target) const;

  HesitationThresholds thresholds_;
  Watch hover_;
  Watch focus_;
  // Targets that hesitated on this step; a small ring is enough to stop repeats.
  std::array<uint32_t, 16> fired_{};
  uint32_t fired_next_ = 0;
};

}  // namespace friction
