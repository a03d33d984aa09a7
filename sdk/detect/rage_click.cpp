#include "detect/rage_click.h"

#include <algorithm>
#include <cmath>

namespace friction {

bool RageClickThresholds::set(std::string_view name, double value) {
  if (name == "min_clicks" && value >= 2 && value <= 20) min_clicks = static_cast<uint32_t>(value);
  else if (name == "max_gap_ms" && value >= 100 && value <= 5000) max_gap_ms = value;
  else if (name == "max_distance_px" && value >= 1 && value <= 500) max_distance_px = value;
  else return false;
  return true;
}

void RageClickDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::click:
      onClick(event, sink);
      break;
    case EventType::selection:
      selecting_ = clicks_ > 0;
      break;
    case EventType::focus:
      if (event.target == last_.target) break;  // clicking a button focuses it: not an answer
      [[fallthrough]];
    case EventType::dom_change:
    case EventType::request_start:
    case EventType::scroll:
    case EventType::window_blur:
      if (clicks_ > 0 && !last_answered_) {
        last_answered_ = true;
        ++answered_;
      }
      break;
    default:
      break;
  }
}

bool RageClickDetector::continuesBurst(const EventRecord& click) const {
  if (clicks_ == 0 || click.target != last_.target) return false;
  const double gap = click.time_ms - last_.time_ms;
  const double distance = std::abs(click.x - last_.x) + std::abs(click.y - last_.y);
  return gap >= 0 && gap <= thresholds_.max_gap_ms && distance <= thresholds_.max_distance_px;
}

void RageClickDetector::onClick(const EventRecord& click, FrictionSink& sink) {
  if (continuesBurst(click)) {
    ++clicks_;
  } else {
    closeBurst(sink);
    clicks_ = 1;
    first_ = click;
  }
  last_ = click;
  last_answered_ = false;
  // Double and triple clicks select text before their click event: the selection is already
  // there when it lands (a selectionchange record may come only after the burst).
  if (click.flags & kClickWithSelection) selecting_ = true;
  const uint32_t earlier = clicks_ - 1;
  const bool unanswered = answered_ * 2 < earlier;
  if (!fired_ && !selecting_ && clicks_ >= thresholds_.min_clicks && unanswered) {
    fired_ = true;
    sink.detected(Detection{kKind, click.target, click.time_ms, score()});
  }
}

void RageClickDetector::onTick(double now_ms, FrictionSink& sink) {
  if (clicks_ > 0 && now_ms - last_.time_ms > thresholds_.max_gap_ms) closeBurst(sink);
}

void RageClickDetector::flush(double, FrictionSink& sink) { closeBurst(sink); }

double RageClickDetector::nextDeadline() const {
  return clicks_ > 0 ? last_.time_ms + thresholds_.max_gap_ms + 1 : kNoDeadline;
}

void RageClickDetector::closeBurst(FrictionSink& sink) {
  if (fired_)
    sink.episode(Episode{kKind, first_.target, first_.time_ms, last_.time_ms,
                         clicks_, score()});
  clicks_ = answered_ = 0;
  last_answered_ = selecting_ = fired_ = false;
}

// 0.5 at the threshold, +0.1 for each click beyond it: ten furious clicks are surer than three.
double RageClickDetector::score() const {
  const double extra = clicks_ > thresholds_.min_clicks ? clicks_ - thresholds_.min_clicks : 0;
  return std::min(1.0, 0.5 + 0.1 * extra);
}

}  // namespace friction
