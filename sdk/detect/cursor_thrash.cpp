#include "detect/cursor_thrash.h"

#include <algorithm>
#include <cmath>

namespace friction {

namespace {
// One event interval at 60 Hz: the pointer left a turning point up to one event before the
// first move that shows it, and no stroke is timed shorter than that.
constexpr double kEventIntervalMs = 16;

// Clamped: thresholds given to the constructor skip set()'s range check.
uint32_t reversalsNeeded(const CursorThrashThresholds& thresholds) {
  return std::clamp<uint32_t>(thresholds.min_reversals, 2, CursorThrashDetector::kMaxReversals);
}
}  // namespace

bool CursorThrashThresholds::set(std::string_view name, double value) {
  if (name == "min_stroke_px" && value >= 5 && value <= 1000) min_stroke_px = value;
  else if (name == "min_speed_px_s" && value >= 50 && value <= 20000) min_speed_px_s = value;
  else if (name == "min_reversals" && value >= 2 && value <= CursorThrashDetector::kMaxReversals)
    min_reversals = static_cast<uint32_t>(value);
  else if (name == "window_ms" && value >= 200 && value <= 20000) window_ms = value;
  else if (name == "quiet_ms" && value >= 100 && value <= 20000) quiet_ms = value;
  else if (name == "cooldown_ms" && value >= 0 && value <= 600000) cooldown_ms = value;
  else return false;
  return true;
}

void CursorThrashDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::pointer_move:
      onMove(event, sink);
      break;
    case EventType::pointer_over:
      hovered_ = event.target;
      break;
    default:
      break;
  }
}

void CursorThrashDetector::onMove(const EventRecord& move, FrictionSink& sink) {
  if (!seen_) {
    seen_ = true;
    x_.start = move.x;
    y_.start = move.y;
    x_.start_ms = y_.start_ms = move.time_ms;
    return;
  }
  if (x_.move(move.x, move.time_ms, thresholds_)) onReversal(x_, move.time_ms, sink);
  if (y_.move(move.y, move.time_ms, thresholds_)) onReversal(y_, move.time_ms, sink);
}

// Follows strokes along one axis with hysteresis: coming back less than min_stroke_px from the
// furthest point is jitter. Returns true when a stroke ends in a turn and was fast enough.
bool CursorThrashDetector::Axis::move(float position, double time_ms,
                                      const CursorThrashThresholds& thresholds) {
  if (direction == 0) {
    if (std::abs(position - start) >= thresholds.min_stroke_px) {
      direction = position > start ? 1 : -1;
      extreme = position;
      extreme_ms = time_ms;
    }
    return false;
  }
  if ((position - extreme) * direction > 0) {
    extreme = position;
    extreme_ms = time_ms;
    leaving_ms = -1;
    return false;
  }
  if (leaving_ms < 0) leaving_ms = time_ms;
  if ((extreme - position) * direction < thresholds.min_stroke_px) return false;

  const double duration_ms = std::max(extreme_ms - start_ms, kEventIntervalMs);
  const bool fast = std::abs(extreme - start) * 1000 / duration_ms >= thresholds.min_speed_px_s;
  start = extreme;
  start_ms = std::max(extreme_ms, leaving_ms - kEventIntervalMs);
  direction = -direction;
  extreme = position;
  extreme_ms = time_ms;
  leaving_ms = -1;
  return fast;
}

bool CursorThrashDetector::Axis::thrashing(const CursorThrashThresholds& thresholds) const {
  const uint32_t needed = reversalsNeeded(thresholds);
  return count >= needed && reversalTime(0) - reversalTime(needed - 1) <= thresholds.window_ms;
}

void CursorThrashDetector::onReversal(Axis& axis, double time_ms, FrictionSink& sink) {
  if (in_episode_) {
    last_reversal_ms_ = time_ms;  // either axis keeps the episode going
    if ((&axis == &x_) == episode_on_x_) ++episode_reversals_;
    return;
  }
  if (time_ms < cooldown_until_ms_) return;
  axis.reversals[axis.count++ % kMaxReversals] = time_ms;
  if (!axis.thrashing(thresholds_)) return;
  in_episode_ = true;
  episode_on_x_ = &axis == &x_;
  episode_reversals_ = reversalsNeeded(thresholds_);
  episode_target_ = hovered_;
  episode_start_ms_ = axis.reversalTime(episode_reversals_ - 1);
  last_reversal_ms_ = time_ms;
  sink.detected(Detection{kKind, hovered_, time_ms, score()});
}

void CursorThrashDetector::onTick(double now_ms, FrictionSink& sink) {
  if (in_episode_ && now_ms - last_reversal_ms_ >= thresholds_.quiet_ms) closeEpisode(sink);
}

void CursorThrashDetector::flush(double, FrictionSink& sink) { closeEpisode(sink); }

double CursorThrashDetector::nextDeadline() const {
  return in_episode_ ? last_reversal_ms_ + thresholds_.quiet_ms : kNoDeadline;
}

void CursorThrashDetector::closeEpisode(FrictionSink& sink) {
  if (!in_episode_) return;
  sink.episode(Episode{kKind, episode_target_, episode_start_ms_,
                       last_reversal_ms_, episode_reversals_, score()});
  in_episode_ = false;
  cooldown_until_ms_ = last_reversal_ms_ + thresholds_.cooldown_ms;
  x_.count = y_.count = 0;  // the next episode needs reversals of its own
}

// 0.5 at the threshold, +0.1 for each fast direction change beyond it.
double CursorThrashDetector::score() const {
  const double extra = std::max(0.0, double(episode_reversals_) - thresholds_.min_reversals);
  return std::min(1.0, 0.5 + 0.1 * extra);
}

}  // namespace friction
