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
  if (static_cast<EventType>(event.type) != EventType::scroll) return;
  Scroller& scroller = scrollerFor(event.target, sink);
  scroller.last_event_ms = event.time_ms;
  onScroll(scroller, event.time_ms, event.a, sink);
}

// The scroller's slot; a new scroller takes a free slot, else the least recently scrolled one's
// (whose open episode is reported first: it happened).
ScrollThrashDetector::Scroller& ScrollThrashDetector::scrollerFor(uint32_t target,
                                                                  FrictionSink& sink) {
  Scroller* slot = &scrollers_[0];
  for (Scroller& candidate : scrollers_) {
    if (candidate.used && candidate.target == target) return candidate;
    if (!slot->used) continue;
    if (!candidate.used || candidate.last_event_ms < slot->last_event_ms) slot = &candidate;
  }
  closeEpisode(*slot, sink);
  *slot = Scroller{};
  slot->used = true;
  slot->target = target;
  return *slot;
}

// A leg continues while the scroller moves on in its direction; moving back by less than
// min_leg_px is jitter (or a line re-read) and changes nothing. Moving back by min_leg_px is a
// reversal.
void ScrollThrashDetector::onScroll(Scroller& s, double time_ms, double y, FrictionSink& sink) {
  if (!s.seen) {
    s.seen = true;
    s.origin_y = y;
    return;
  }
  if (s.direction == 0) {
    if (std::abs(y - s.origin_y) >= thresholds_.min_leg_px) {
      s.direction = y > s.origin_y ? 1 : -1;
      s.extreme_y = y;
    }
    return;
  }
  if ((y - s.extreme_y) * s.direction > 0) {
    s.extreme_y = y;
  } else if ((s.extreme_y - y) * s.direction >= thresholds_.min_leg_px) {
    s.direction = -s.direction;
    s.extreme_y = y;
    onReversal(s, time_ms, sink);
  }
}

void ScrollThrashDetector::onReversal(Scroller& s, double time_ms, FrictionSink& sink) {
  if (s.in_episode) {
    ++s.episode_reversals;
    s.last_reversal_ms = time_ms;
    return;
  }
  if (time_ms < s.cooldown_until_ms) return;
  s.reversals[s.reversal_count++ % kMaxReversals] = time_ms;
  // Clamped: thresholds given to the constructor skip set()'s range check.
  const uint32_t needed = std::clamp<uint32_t>(thresholds_.min_reversals, 2, kMaxReversals);
  if (s.reversal_count < needed || time_ms - s.reversalTime(needed - 1) > thresholds_.window_ms)
    return;
  s.in_episode = true;
  s.episode_reversals = needed;
  s.episode_start_ms = s.reversalTime(needed - 1);
  s.last_reversal_ms = time_ms;
  sink.detected(Detection{kKind, s.target, time_ms, score(s)});
}

double ScrollThrashDetector::Scroller::reversalTime(uint32_t back) const {
  return reversals[(reversal_count - 1 - back) % kMaxReversals];
}

void ScrollThrashDetector::onTick(double now_ms, FrictionSink& sink) {
  for (Scroller& s : scrollers_)
    if (s.in_episode && now_ms - s.last_reversal_ms >= thresholds_.quiet_ms) closeEpisode(s, sink);
}

void ScrollThrashDetector::onStep(double now_ms, FrictionSink& sink) {
  flush(now_ms, sink);
  // A new page or route has its own scroll positions; cool-downs stay with their scrollers.
  for (Scroller& s : scrollers_) {
    s.seen = false;
    s.direction = 0;
    s.reversal_count = 0;
  }
}

void ScrollThrashDetector::flush(double, FrictionSink& sink) {
  for (Scroller& s : scrollers_) closeEpisode(s, sink);
}

double ScrollThrashDetector::nextDeadline() const {
  double next = kNoDeadline;
  for (const Scroller& s : scrollers_)
    if (s.in_episode) next = std::min(next, s.last_reversal_ms + thresholds_.quiet_ms);
  return next;
}

void ScrollThrashDetector::closeEpisode(Scroller& s, FrictionSink& sink) {
  if (!s.in_episode) return;
  sink.episode(Episode{kKind, s.target, s.episode_start_ms, s.last_reversal_ms,
                       s.episode_reversals, score(s)});
  s.in_episode = false;
  s.cooldown_until_ms = s.last_reversal_ms + thresholds_.cooldown_ms;
  s.reversal_count = 0;  // the next episode needs reversals of its own
}

// 0.5 at the threshold, +0.1 for each reversal beyond it.
double ScrollThrashDetector::score(const Scroller& s) const {
  const double extra = std::max(0.0, double(s.episode_reversals) - thresholds_.min_reversals);
  return std::min(1.0, 0.5 + 0.1 * extra);
}

}  // namespace friction
