#include "detect/hesitation.h"

#include <algorithm>

namespace friction {

bool HesitationThresholds::set(std::string_view name, double value) {
  if (name == "hover_ms" && value >= 500 && value <= 60000) hover_ms = value;
  else if (name == "focus_idle_ms" && value >= 1000 && value <= 120000) focus_idle_ms = value;
  else return false;
  return true;
}

void HesitationDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  fireIfDue(hover_, thresholds_.hover_ms, event.time_ms, sink);
  fireIfDue(focus_, thresholds_.focus_idle_ms, event.time_ms, sink);
  switch (static_cast<EventType>(event.type)) {
    case EventType::pointer_over:
      hover_ = Watch{event.target, event.time_ms};
      break;
    case EventType::click:
      hover_ = Watch{};  // acted
      focus_ = Watch{};
      break;
    case EventType::focus: {
      const uint32_t traits = sink.targets().traits(event.target);
      focus_ = (traits & (kTextField | kFormControl)) ? Watch{event.target, event.time_ms} : Watch{};
      break;
    }
    case EventType::input:
    case EventType::submit:
      focus_ = Watch{};  // acted
      break;
    case EventType::scroll:
      // The hovered box itself scrolling (a focusable reading pane read with the wheel): the
      // visitor is reading, not pausing over a decision. The window scrolling needs no rule:
      // the browser tells a new pointer_over for what comes under the pointer.
      if (event.target != 0 && event.target == hover_.target) hover_ = Watch{};
      break;
    case EventType::visibility:
      if (event.a == 0) hover_ = focus_ = Watch{};  // the user is elsewhere
      break;
    default:
      break;
  }
}

void HesitationDetector::fireIfDue(Watch& watch, double limit_ms, double now_ms,
                                   FrictionSink& sink) {
  if (watch.target == 0 || now_ms - watch.since_ms < limit_ms) return;
  if (!alreadyFired(watch.target)) {
    fired_[fired_next_++ % fired_.size()] = watch.target;
    const double waited = now_ms - watch.since_ms;
    // 0.5 at the threshold, surer the longer the pause, up to three times the threshold.
    const double score = std::min(1.0, 0.5 * waited / limit_ms);
    sink.detectedAndOver(Detection{kKind, watch.target, watch.since_ms + limit_ms,
                                   score},
                         1, watch.since_ms);
  }
  watch = Watch{};
}

bool HesitationDetector::alreadyFired(uint32_t target) const {
  return std::find(fired_.begin(), fired_.end(), target) != fired_.end();
}

void HesitationDetector::onTick(double now_ms, FrictionSink& sink) {
  fireIfDue(hover_, thresholds_.hover_ms, now_ms, sink);
  fireIfDue(focus_, thresholds_.focus_idle_ms, now_ms, sink);
}

void HesitationDetector::onStep(double, FrictionSink&) {
  hover_ = focus_ = Watch{};
  fired_.fill(0);
}

void HesitationDetector::flush(double, FrictionSink&) { hover_ = focus_ = Watch{}; }

double HesitationDetector::nextDeadline() const {
  double deadline = kNoDeadline;
  if (hover_.target) deadline = std::min(deadline, hover_.since_ms + thresholds_.hover_ms);
  if (focus_.target) deadline = std::min(deadline, focus_.since_ms + thresholds_.focus_idle_ms);
  return deadline;
}

}  // namespace friction
