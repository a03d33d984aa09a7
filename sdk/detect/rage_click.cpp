#include "detect/rage_click.h"

#include <algorithm>
#include <cmath>

namespace friction {

bool RageClickThresholds::set(std::string_view name, double value) {
  if (name == "min_clicks" && value >= 2 && value <= 20) min_clicks = static_cast<uint32_t>(value);
  else if (name == "max_gap_ms" && value >= 100 && value <= 5000) max_gap_ms = value;
  else if (name == "max_distance_px" && value >= 1 && value <= 500) max_distance_px = value;
  else if (name == "touch_max_distance_px" && value >= 1 && value <= 500) touch_max_distance_px = value;
  else if (name == "tap_slop_px" && value >= 1 && value <= 200) tap_slop_px = value;
  else if (name == "long_press_ms" && value >= 200 && value <= 5000) long_press_ms = value;
  else return false;
  return true;
}

void RageClickDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::click:
      // A tap's click: the tap was counted on the pointer (or was not a tap at all).
      if (!(event.flags & kClickTouch)) onClick(event, thresholds_.max_distance_px, sink);
      break;
    case EventType::pointer_down:
      onPointerDown(event, sink);
      break;
    case EventType::gesture:
      onGesture(event, sink);
      break;
    case EventType::selection:
      selecting_ = clicks_ > 0;
      break;
    case EventType::focus:
      if (event.target == last_.target) break;  // clicking a button focuses it: not an answer
      [[fallthrough]];
    case EventType::dom_change:
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

void RageClickDetector::onPointerDown(const EventRecord& down, FrictionSink& sink) {
  if (down.b >= 2) {  // a second finger: a pinch, and the first touch is no tap either
    touch_down_ = false;
    return;
  }
  // A touch whose lift never came (a lost pointerup) still went down: a tap the page swallowed.
  if (touch_down_ && down_.target != 0) onClick(down_, thresholds_.touch_max_distance_px, sink);
  touch_down_ = true;
  down_ = down;
}

void RageClickDetector::onGesture(const EventRecord& gesture, FrictionSink& sink) {
  if (gesture.a == kGestureZoom) closeBurst(sink);  // the taps were zooming
  if (!touch_down_) return;
  touch_down_ = false;
  if (gesture.a != kGestureLift) return;  // taken by the browser or held: not a tap
  const double travel = std::abs(gesture.x - down_.x) + std::abs(gesture.y - down_.y);
  const double held = gesture.time_ms - down_.time_ms;
  if (down_.target == 0 || travel > thresholds_.tap_slop_px || held > thresholds_.long_press_ms)
    return;
  EventRecord tap = down_;  // where it went down, when it lifted: the tap is complete
  tap.time_ms = gesture.time_ms;
  onClick(tap, thresholds_.touch_max_distance_px, sink);
}

bool RageClickDetector::continuesBurst(const EventRecord& click, double max_distance_px) const {
  if (clicks_ == 0 || click.target != last_.target) return false;
  const double gap = click.time_ms - last_.time_ms;
  const double distance = std::abs(click.x - last_.x) + std::abs(click.y - last_.y);
  return gap >= 0 && gap <= thresholds_.max_gap_ms && distance <= max_distance_px;
}

void RageClickDetector::onClick(const EventRecord& click, double max_distance_px,
                                FrictionSink& sink) {
  if (continuesBurst(click, max_distance_px)) {
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
