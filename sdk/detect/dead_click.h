// Dead click: a click on something that looks like it should do something (a button, a
// role=button, an a[href="#"]) and the page does not answer at all.
//
// Thresholds (per site: "dead_click.<name>") and why:
//  - window_ms = 2500: no answer of any kind (detect/click_response_watch.h) within 2.5 s of the
//    click. PostHog waits 2500 ms for a DOM change; Sentry calls a click "slow" after 3000 ms
//    without one. Datadog's 100 ms flags every async UI whose answer follows a fetch, although
//    we, like Datadog, also count the request starting as an answer. 2.5 s is well past the
//    1 s at which users notice a wait (Nielsen's response-time limits), so by then the user has
//    seen nothing happen; slow_response covers the answers that come between 1 s and 2.5 s.
//  - cooldown_ms = 5000: once a target is reported, clicks on it are the same episode until
//    5 s pass without one. PostHog ignores a re-click of the same element within 1 s; we extend
//    that to the retry a dead button invites (wait a few seconds, click again), so the page is
//    not told the same thing twice while the user keeps trying.
// Repeat clicks on a target still waiting for an answer join that wait: a rage burst on a dead
// button is one dead click (its count says how many clicks).
// Look-alikes (kLooksClickable: text styled as a link, a card or image with a pointer cursor,
// js/src/look_alike.js decides) are candidates with the same window, answers and cool-down: a
// visitor who clicked one waits for the same things a button would do. Their score is lower
// (0.45 for one click, +0.1 per retry): the styling is our guess at what they expected, while
// a button says it does something; a retry shows they did expect it, so two clicks on a
// look-alike weigh about one on a button. A look-alike click that selected text is reading
// (copying a phrase), not asking for an action.
// A click on a disabled control (kClickDisabled: disabled or aria-disabled="true", told per
// click since it changes) is never dead: the page showed it would say no, and said it. A rage
// burst on it is still a rage click (that detector's rules).
// Not candidates, because they answer in ways the page cannot see or need no script: plain
// content (no kActionable or kPseudoLink), real links (navigation answers; the page unloads),
// downloads and target=_blank links (PostHog's issue #3619: download links counted as dead),
// text fields, form controls and labels (the browser answers them natively), and clicks with a
// modifier key (new tab or window). A tap is judged on its click too (a touch that became a
// scroll or a pinch makes no click), but its answer may come before the click: pages answer a
// tap on touchstart, pointerdown or touchend, and a page without a mobile viewport delays the
// click ~300 ms for double-tap zoom. So an answer between the tap's pointer_down and its click
// answers the tap (the tap focusing its own button does not; its hover side effects do, which
// keeps a dead tap under a tooltip silent: the safe side). A touch held past long_press_ms
// (or into a context menu) was a long-press, not a tap, even where the browser still clicks
// (Chromium's touch emulation does; phones do not): the finger asked for a menu or a preview.
//  - long_press_ms = 500: as rage_click's (Chromium's long-press delay). A step change answers every waiting click; the page leaving
// drops them (its unload may be the answer).
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/click_response_watch.h"
#include "detect/friction_sink.h"

namespace friction {

struct DeadClickThresholds {
  double window_ms = 2500;
  double cooldown_ms = 5000;
  double long_press_ms = 500;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class DeadClickDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::dead_click;

  explicit DeadClickDetector(DeadClickThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink) { settle(now_ms, sink); }
  void onStep(double now_ms, FrictionSink& sink);
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  DeadClickThresholds& thresholds() { return thresholds_; }

 private:
  struct Reported {
    uint32_t target = 0;
    double last_click_ms = 0;
  };

  void onClick(const EventRecord& click, FrictionSink& sink);
  // Reports the clicks whose window has passed unanswered; forgets the answered ones.
  void settle(double now_ms, FrictionSink& sink);
  bool coolingDown(const EventRecord& click);

  DeadClickThresholds thresholds_;
  ClickResponseWatch watch_;
  uint32_t tap_target_ = 0;     // the last touch's pointer_down target, until its click
  bool tap_answered_ = false;   // the page answered since that pointer_down
  bool tap_held_ = false;       // that touch was a long-press
  double tap_down_ms_ = 0;
  std::array<Reported, 4> reported_{};  // recently reported targets, for the cool-down
  uint32_t reported_next_ = 0;
};

}  // namespace friction
