// Clicks waiting for the page to answer, and when it first did: the bookkeeping behind dead
// clicks (no answer) and slow responses (a late visible answer). Each detector keeps its own
// watch and decides for itself which clicks to put in it.
//
// What answers a click:
//  - visibly: a DOM change, a scroll, a text selection, focus moving to another element than
//    the clicked one (clicking a button focuses it: that is no answer), the window losing focus
//    (new tab, download dialog, window.open), or a step change (answerAll);
//  - unseen: a request starting, a form submitting, the tab being hidden (the answer, or the
//    user, is elsewhere).
// An answer cannot be traced to one click, so it answers every click waiting at that moment.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

#include "capture/event_record.h"

namespace friction {

inline constexpr double kNever = 1e300;

// Whether an event answers a click on `clicked_target`, and how (the rules above).
enum class ClickAnswer : uint8_t { none, visible, unseen };
inline ClickAnswer clickAnswer(const EventRecord& event, uint32_t clicked_target) {
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

struct WatchedClick {
  uint32_t target = 0;  // 0 = free slot
  uint32_t clicks = 0;  // repeat clicks on the target merged into this wait (a rage burst is one)
  double first_ms = 0;
  double last_ms = 0;
  double answered_ms = kNever;  // first answer of any kind
  double shown_ms = kNever;     // first visible answer

  bool answeredWithin(double window_ms) const { return answered_ms < first_ms + window_ms; }
  bool shown() const { return shown_ms < kNever; }
};

class ClickResponseWatch {
 public:
  static constexpr size_t kSlots = 8;  // distinct targets clicked within one wait: a handful

  // Starts waiting for an answer to the click. A repeat click on a target that has had no
  // visible answer yet joins its wait; otherwise a free slot, or the oldest wait, is taken.
  WatchedClick& watch(const EventRecord& click);
  // Notes the event as an answer to every waiting click it answers.
  void observe(const EventRecord& event);
  // The step (page or route) changed: a visible answer to every waiting click.
  void answerAll(double now_ms);

  template <typename Visit>
  void forEach(Visit&& visit) {
    for (WatchedClick& click : slots_)
      if (click.target != 0) visit(click);
  }
  template <typename Visit>
  void forEach(Visit&& visit) const {
    for (const WatchedClick& click : slots_)
      if (click.target != 0) visit(click);
  }
  static void release(WatchedClick& click) { click = WatchedClick{}; }
  void clear() { slots_ = {}; }

 private:
  std::array<WatchedClick, kSlots> slots_{};
};

}  // namespace friction
