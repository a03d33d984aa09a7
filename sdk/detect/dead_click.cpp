#include "detect/dead_click.h"

#include <algorithm>

namespace friction {

namespace {
constexpr uint32_t kAnswersItself =
    kLink | kDownload | kNewTab | kTextField | kFormControl | kLabel;

bool looksOnly(uint32_t traits) {
  return (traits & (kActionable | kPseudoLink)) == 0 && (traits & kLooksClickable) != 0;
}

bool isCandidate(const EventRecord& click, uint32_t traits) {
  if (click.flags & kClickModifier) return false;  // opens a tab or window: answered elsewhere
  if (click.flags & kClickDisabled) return false;  // the page said no, visibly
  if (looksOnly(traits) && (click.flags & kClickWithSelection)) return false;  // reading
  return (traits & (kActionable | kPseudoLink | kLooksClickable)) != 0 &&
         (traits & kAnswersItself) == 0;
}
}  // namespace

bool DeadClickThresholds::set(std::string_view name, double value) {
  if (name == "window_ms" && value >= 500 && value <= 10000) window_ms = value;
  else if (name == "cooldown_ms" && value >= 0 && value <= 60000) cooldown_ms = value;
  else if (name == "long_press_ms" && value >= 200 && value <= 5000) long_press_ms = value;
  else return false;
  return true;
}

void DeadClickDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  settle(event.time_ms, sink);  // an answer that comes after the window does not revive a click
  switch (static_cast<EventType>(event.type)) {
    case EventType::click:
      onClick(event, sink);
      break;
    case EventType::pointer_down:
      tap_target_ = event.target;
      tap_answered_ = tap_held_ = false;
      tap_down_ms_ = event.time_ms;
      break;
    case EventType::gesture:
      if (event.a == kGestureLongPress ||
          (event.a == kGestureLift && event.time_ms - tap_down_ms_ > thresholds_.long_press_ms))
        tap_held_ = true;
      break;
    default:
      if (tap_target_ != 0 && clickAnswer(event, tap_target_) != ClickAnswer::none)
        tap_answered_ = true;
      watch_.observe(event);
      break;
  }
}

void DeadClickDetector::onClick(const EventRecord& click, FrictionSink& sink) {
  const bool not_a_live_tap = (click.flags & kClickTouch) && (tap_answered_ || tap_held_);
  tap_answered_ = tap_held_ = false;
  if (not_a_live_tap) return;  // answered on its way to the click, or a long-press
  if (!isCandidate(click, sink.targets().traits(click.target)) || coolingDown(click)) return;
  watch_.watch(click);
}

bool DeadClickDetector::coolingDown(const EventRecord& click) {
  for (Reported& reported : reported_) {
    if (reported.target != click.target) continue;
    if (click.time_ms - reported.last_click_ms >= thresholds_.cooldown_ms) return false;
    reported.last_click_ms = click.time_ms;  // still trying: the same episode goes on
    return true;
  }
  return false;
}

void DeadClickDetector::settle(double now_ms, FrictionSink& sink) {
  watch_.forEach([&](WatchedClick& click) {
    const double deadline = click.first_ms + thresholds_.window_ms;
    if (click.answeredWithin(thresholds_.window_ms)) {
      ClickResponseWatch::release(click);
      return;
    }
    if (now_ms < deadline) return;
    // 0.6 for one unanswered click, surer with each retry: the user expected something.
    // A look-alike starts lower (dead_click.h).
    const double first = looksOnly(sink.targets().traits(click.target)) ? 0.45 : 0.6;
    const double score = std::min(1.0, first + 0.1 * (click.clicks - 1));
    sink.detectedAndOver(Detection{kKind, click.target, deadline, score},
                         click.clicks, click.first_ms);
    reported_[reported_next_++ % reported_.size()] = Reported{click.target, click.last_ms};
    ClickResponseWatch::release(click);
  });
}

void DeadClickDetector::onStep(double now_ms, FrictionSink& sink) {
  settle(now_ms, sink);  // windows that passed before the step were dead
  watch_.clear();        // the rest: the navigation is their answer
}

void DeadClickDetector::flush(double now_ms, FrictionSink& sink) {
  settle(now_ms, sink);
  watch_.clear();  // still waiting as the page leaves: the unload may be the answer
}

double DeadClickDetector::nextDeadline() const {
  double next = kNoDeadline;
  watch_.forEach([&](const WatchedClick& click) {
    if (!click.answeredWithin(thresholds_.window_ms))
      next = std::min(next, click.first_ms + thresholds_.window_ms);
  });
  return next;
}

}  // namespace friction
