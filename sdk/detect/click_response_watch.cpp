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

void ClickResponseWatch::observe(const EventRecord& event) {
  // Most events (pointer moves) answer nothing: decided once, not once per waiting click. Only
  // focus depends on which element was clicked.
  if (static_cast<EventType>(event.type) == EventType::focus) {
    forEach([&](WatchedClick& click) {
      if (clickAnswer(event, click.target) == ClickAnswer::visible) answer(click, event.time_ms, true);
    });
    return;
  }
  const ClickAnswer kind = clickAnswer(event, 0);
  if (kind == ClickAnswer::none) return;
  forEach([&](WatchedClick& click) { answer(click, event.time_ms, kind == ClickAnswer::visible); });
}

void ClickResponseWatch::answerAll(double now_ms) {
  forEach([&](WatchedClick& click) { answer(click, now_ms, true); });
}

}  // namespace friction
