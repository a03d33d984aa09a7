// Rage click: the same control clicked again and again, quickly, in the same spot, while the
// page does not answer.
//
// Thresholds (per site: "rage_click.<name>") and why:
//  - min_clicks = 3: PostHog, Datadog and OpenReplay all use 3. Two fast clicks are a double
//    click, which people do on purpose.
//  - max_gap_ms = 1000: each click within 1 s of the previous one (PostHog's rule). Datadog asks
//    for all 3 inside one 1 s window, which misses slower, angrier bursts of 4-6 clicks.
//  - max_distance_px = 30: each click within 30 px (Manhattan) of the previous one (PostHog;
//    Datadog allows 100 px but also requires the same target, as we do). A finger or a shaking
//    hand stays within 30 px; clicks on different items of a list do not.
// Beyond the published rules, two refinements against their known false positives:
//  - A click the page answered visibly (DOM change, scroll, focus moving elsewhere, a new
//    window) is not angry: a stepper, a carousel "next" or a date picker answers every click
//    (posthog-js #871). The burst is rage only while fewer than half of its earlier clicks got
//    an answer. A request starting is no answer here: the visitor does not see it, and a
//    button clicked again and again while it "thinks" unseen is the rage peers count.
//  - A burst that selects text (double/triple click) is reading, not rage (Datadog does the same).
// Touch (and pen) taps are counted on the pointer, not on click, as Amplitude does: on a phone
// quick repeated taps are partly swallowed (double-tap handling, a tap that stops a fling, the
// browser's own gestures) and produce fewer clicks than taps. A touch counts as a tap when it
// lifts near where it went down, soon enough; the tap's own click is then ignored, so a tap is
// not counted twice (the mouse stays on clicks). A touch that became something else is not a
// tap: the browser took it (pointercancel: a pan, a scroll), a second finger came (a pinch),
// it was held (a long-press, its context menu), it travelled (a swipe). A zoom ends the burst:
// the taps were zooming (double-tap zoom). Coarse-pointer thresholds and why:
//  - touch_max_distance_px = 40: a fingertip's contact patch is about 10 mm across, ~40 CSS px
//    at the densities phones use (1 CSS px ~ 0.26 mm); where an angry thumb lands again varies
//    by about that much, more than a mouse (30 px). The same target is still required, so list
//    items and neighbouring keys stay apart. posthog-js PR #4886: web distances misjudge touch.
//  - tap_slop_px = 15: a touch that travels further between down and lift is a drag or a swipe;
//    Chromium's own tap slop (no click beyond it) is 15 DIPs.
//  - long_press_ms = 500: a touch held longer is a long-press (Chromium's long-press delay is
//    500 ms; Android's 400-500 ms): context menu, text selection, drag start; never rage.
// min_clicks and max_gap_ms apply to taps as to clicks: thumbs tap as fast as fingers click.
// It fires once per burst; the burst's episode (with its final click count) closes when a click
// breaks the chain, the step changes, or max_gap_ms passes without a click.
#pragma once
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/friction_sink.h"

namespace friction {

struct RageClickThresholds {
  uint32_t min_clicks = 3;
  double max_gap_ms = 1000;
  double max_distance_px = 30;
  double touch_max_distance_px = 40;
  double tap_slop_px = 15;
  double long_press_ms = 500;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class RageClickDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::rage_click;

  explicit RageClickDetector(RageClickThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink);
  void onStep(double now_ms, FrictionSink& sink) { flush(now_ms, sink); }
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  RageClickThresholds& thresholds() { return thresholds_; }

 private:
  void onClick(const EventRecord& click, double max_distance_px, FrictionSink& sink);
  void onPointerDown(const EventRecord& down, FrictionSink& sink);
  void onGesture(const EventRecord& gesture, FrictionSink& sink);
  bool continuesBurst(const EventRecord& click, double max_distance_px) const;
  void closeBurst(FrictionSink& sink);
  double score() const;

  RageClickThresholds thresholds_;
  uint32_t clicks_ = 0;     // in the current burst; 0 = no burst
  uint32_t answered_ = 0;   // clicks of the burst that the page answered
  bool last_answered_ = false;
  bool selecting_ = false;  // the burst selected text
  bool fired_ = false;
  EventRecord first_{};
  EventRecord last_{};
  bool touch_down_ = false;  // a touch is down and may still become a tap
  EventRecord down_{};       // its pointer_down
};

}  // namespace friction
