#include "detect/click_response_watch.h"

#include <algorithm>

namespace friction {

namespace {
void answer(WatchedClick& click, double at_ms, bool visible) {
  click.answered_ms = std::min(click.answered_ms, at_ms);
  if (visible) click.shown_ms = std::min(click.shown_ms, at_ms);
}
}  // namespace

WatchedClick& ClickResponseWatch::watch(const EventRecord& click) {
  WatchedClick* slot = &slots_[0];  // a free slot, else the oldest wait
  for (WatchedClick& candidate : slots_) {
    if (candidate.target == click.target && !candidate.shown()) {
      ++candidate.clicks;
      candidate.last_ms = click.time_ms;
      return candidate;
    }
    if (slot->target == 0) continue;
    if (candidate.target == 0 || candidate.first_ms < slot->first_ms) slot = &candidate;
  }
  *slot = WatchedClick{click.target, 1, click.time_ms, click.time_ms};
  return *slot;
}

ClickAnswer clickAnswer(const EventRecord& event, uint32_t clicked_target) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::dom_change:
    case EventType::scroll:
    case EventType::selection:
    case EventType::window_blur:
      return ClickAnswer::visible;
    case EventType::focus:
      return event.target != clicked_target ? ClickAnswer::visible : ClickAnswer::none;
    case EventType::request_start:
    case EventType::submit:
      return ClickAnswer::unseen;
    case EventType::visibility:
      return event.a != 0 ? ClickAnswer::none : ClickAnswer::unseen;
    default:
      return ClickAnswer::none;
  }
}

void ClickResponseWatch::observe(const EventRecord& event) {
  forEach([&](WatchedClick& click) {
    const ClickAnswer kind = clickAnswer(event, click.target);
    if (kind != ClickAnswer::none) answer(click, event.time_ms, kind == ClickAnswer::visible);
  });
}

void ClickResponseWatch::answerAll(double now_ms) {
  forEach([&](WatchedClick& click) { answer(click, now_ms, true); });
}

}  // namespace friction
