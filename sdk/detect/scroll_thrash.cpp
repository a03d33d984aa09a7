#include "detect/scroll_thrash.h"

#include <algorithm>
#include <cmath>

namespace friction {

bool ScrollThrashThresholds::set(std::string_view name, double value) {
  if (name == "min_leg_px" && value >= 20 && value <= 5000) min_leg_px = value;
  else if (name == "min_reversals" && value >= 2 && value <= ScrollThrashDetector::kMaxReversals)
    min_reversals = static_cast<uint32_t>(value);
  else if (name == "window_ms" && value >= 1000 && value <= 60000) window_ms = value;
  else if (name == "quiet_ms" && value >= 500 && value <= 60000) quiet_ms = value;
  else if (name == "cooldown_ms" && value >= 0 && value <= 600000) cooldown_ms = value;
  else return false;
  return true;
}

void ScrollThrashDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  if (static_cast<EventType>(event.type) == EventType::scroll)
    onScroll(event.time_ms, event.a, sink);
}

// A leg continues while the page moves on in its direction; moving back by less than min_leg_px
// is jitter (or a line re-read) and changes nothing. Moving back by min_leg_px is a reversal.
void ScrollThrashDetector::onScroll(double time_ms, double y, FrictionSink& sink) {
  if (!seen_) {
    seen_ = true;
    origin_y_ = y;
    return;
  }
  if (direction_ == 0) {
    if (std::abs(y - origin_y_) >= thresholds_.min_leg_px) {
      direction_ = y > origin_y_ ? 1 : -1;
      extreme_y_ = y;
    }
    return;
  }
  if ((y - extreme_y_) * direction_ > 0) {
    extreme_y_ = y;
  } else if ((extreme_y_ - y) * direction_ >= thresholds_.min_leg_px) {
    direction_ = -direction_;
    extreme_y_ = y;
    onReversal(time_ms, sink);
  }
}

void ScrollThrashDetector::onReversal(double time_ms, FrictionSink& sink) {
  if (in_episode_) {
    ++episode_reversals_;
    last_reversal_ms_ = time_ms;
    return;
  }
  if (time_ms < cooldown_until_ms_) return;
  reversals_[reversal_count_++ % kMaxReversals] = time_ms;
  // Clamped: thresholds given to the constructor skip set()'s range check.
  const uint32_t needed = std::clamp<uint32_t>(thresholds_.min_reversals, 2, kMaxReversals);
  if (reversal_count_ < needed || time_ms - reversalTime(needed - 1) > thresholds_.window_ms)
    return;
  in_episode_ = true;
  episode_reversals_ = needed;
  episode_start_ms_ = reversalTime(needed - 1);
  last_reversal_ms_ = time_ms;
  sink.detected(Detection{kKind, 0, time_ms, score()});
}

double ScrollThrashDetector::reversalTime(uint32_t back) const {
  return reversals_[(reversal_count_ - 1 - back) % kMaxReversals];
}

void ScrollThrashDetector::onTick(double now_ms, FrictionSink& sink) {
  if (in_episode_ && now_ms - last_reversal_ms_ >= thresholds_.quiet_ms) closeEpisode(sink);
}

void ScrollThrashDetector::onStep(double now_ms, FrictionSink& sink) {
  flush(now_ms, sink);
  // A new page or route has its own scroll positions.
  seen_ = false;
  direction_ = 0;
  reversal_count_ = 0;
}

void ScrollThrashDetector::flush(double, FrictionSink& sink) { closeEpisode(sink); }

double ScrollThrashDetector::nextDeadline() const {
  return in_episode_ ? last_reversal_ms_ + thresholds_.quiet_ms : kNoDeadline;
}

void ScrollThrashDetector::closeEpisode(FrictionSink& sink) {
  if (!in_episode_) return;
  sink.episode(Episode{kKind, 0, episode_start_ms_, last_reversal_ms_,
                       episode_reversals_, score()});
  in_episode_ = false;
  cooldown_until_ms_ = last_reversal_ms_ + thresholds_.cooldown_ms;
  reversal_count_ = 0;  // the next episode needs reversals of its own
}

// 0.5 at the threshold, +0.1 for each reversal beyond it.
double ScrollThrashDetector::score() const {
  const double extra = std::max(0.0, double(episode_reversals_) - thresholds_.min_reversals);
  return std::min(1.0, 0.5 + 0.1 * extra);
}

}  // namespace friction
