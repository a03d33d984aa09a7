// Rage click: the same thing clicked again and again, quickly, in the same spot.
//
// Thresholds (configurable per site) and why:
//  - min_clicks = 3: PostHog, Datadog and OpenReplay all use 3. Two fast clicks are a double
//    click, which people do on purpose.
//  - max_gap_ms = 1000: each click within 1 s of the previous one (PostHog's rule). Datadog asks
//    for all 3 inside one 1 s window, which misses slower, angrier bursts of 4-6 clicks.
//  - max_distance_px = 30: each click within 30 px of the previous one (PostHog, Manhattan
//    distance; Datadog allows 100 px but also requires the same target, as we do). A finger or
//    a shaking hand stays within 30 px; clicks on different items of a list do not.
//  - same target: the JS layer resolves a click to its actionable element (the button, not the
//    icon inside it), so a burst on one control is one target.
// It fires once per burst, on the min_clicks-th click; the burst's episode (with its final
// click count) closes when the next click breaks the chain or max_gap_ms passes without one.
#pragma once
#include <cstdint>
#include <optional>

#include "capture/event_record.h"
#include "detect/detection.h"

namespace friction {

struct RageClickThresholds {
  uint32_t min_clicks = 3;
  double max_gap_ms = 1000;
  double max_distance_px = 30;
};

class RageClickDetector {
 public:
  explicit RageClickDetector(RageClickThresholds thresholds = {}) : thresholds_(thresholds) {}

  // Feeds one click. Returns a detection when this click makes the burst a rage click.
  // If the click breaks the previous burst and that burst was a rage click, its episode is
  // reported through closed.
  std::optional<Detection> onClick(const EventRecord& click, std::optional<Episode>& closed);

  // Closes the burst if no click came within max_gap_ms before now_ms (or if force).
  std::optional<Episode> closeIfIdle(double now_ms, bool force = false);

  const RageClickThresholds& thresholds() const { return thresholds_; }
  void setThresholds(RageClickThresholds thresholds) { thresholds_ = thresholds; }

 private:
  bool continuesBurst(const EventRecord& click) const;
  std::optional<Episode> closeBurst();
  double score() const;

  RageClickThresholds thresholds_;
  uint32_t clicks_ = 0;  // in the current burst; 0 = no burst
  EventRecord first_{};
  EventRecord last_{};
};

}  // namespace friction
