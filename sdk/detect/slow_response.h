// Slow response: the page answered, but late enough for the user to wonder whether it would.
// Two ways to see it:
//  (a) the browser measured it: an Event Timing record (click or key press to the next paint)
//      of interaction_ms or more;
//  (b) a click on a control whose first visible answer (detect/click_response_watch.h) came
//      late_ms or more after it. This sees async answers (fetch, then render), which (a) cannot:
//      a handler that only starts a fetch paints at once.
//
// Thresholds (per site: "slow_response.<name>") and why:
//  - interaction_ms = 500: the "poor" boundary of Interaction to Next Paint (web.dev: good
//    <= 200 ms, needs improvement up to 500 ms, poor above). Records reach us from 104 ms up
//    (the JS layer's Event Timing floor); only poor ones are friction.
//  - min_busy_ms = 50: of an Event Timing record's wait, the page's own share on the main thread
//    (input delay + its handlers: processingEnd - startTime, which JS writes in the record's x)
//    must reach a long task's 50 ms (the W3C Long Tasks definition). A long wait with the main
//    thread idle is a renderer not producing frames, not the page: headless and occluded
//    windows do it; the corpus shows keystrokes answered in 1 ms that all wait ~900 ms for one
//    paint. The cost: a page whose slowness is only style and layout after a quick handler is
//    missed here (a late visible answer still shows through (b)).
//  - late_ms = 1000: Nielsen's limit for staying in the flow of thought ("Response Times: The 3
//    Important Limits", 1993): past 1 s without feedback, users notice the wait.
//  - dead_after_ms = 2500: keep equal to dead_click.window_ms. A click with no answer at all by
//    then is a dead click, not a slow one: each click is reported as one or the other.
//  - busy_limit_ms = 10000: a click that got an unseen answer in time (a request started, so it
//    is not dead) may show its result up to 10 s later and still count as slow; beyond that the
//    two are unlikely to be related (10 s is Datadog's longest action).
// When (a) and (b) see the same interaction (a handler that blocks for a second), or several
// slow clicks overlap in one freeze, it is reported once: a report whose span overlaps the last
// one's is the same episode. Score: 0.5 at the threshold, 1 at twice it.
// Candidates for (b) are those of dead_click plus real links (an SPA route change answers them
// through onStep). A hidden tab stops the clock: the user is not watching.
#pragma once
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/click_response_watch.h"
#include "detect/friction_sink.h"

namespace friction {

struct SlowResponseThresholds {
  double interaction_ms = 500;
  double min_busy_ms = 50;
  double late_ms = 1000;
  double dead_after_ms = 2500;
  double busy_limit_ms = 10000;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class SlowResponseDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::slow_response;

  explicit SlowResponseDetector(SlowResponseThresholds thresholds = {})
      : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink) { settle(now_ms, sink); }
  void onStep(double now_ms, FrictionSink& sink);
  void flush(double, FrictionSink&) { watch_.clear(); }  // the unload may be the answer
  // Decisions come with events (an answer, a record), never from time alone.
  double nextDeadline() const { return kNoDeadline; }

  SlowResponseThresholds& thresholds() { return thresholds_; }

 private:
  void onEventTiming(const EventRecord& record, FrictionSink& sink);
  // Reports the clicks that got a late visible answer; forgets the ones past any verdict.
  void settle(double now_ms, FrictionSink& sink);
  void report(uint32_t target, double started_ms, double ended_ms, uint32_t count, double score,
              FrictionSink& sink);

  SlowResponseThresholds thresholds_;
  ClickResponseWatch watch_;
  double reported_from_ms_ = kNever;  // span of the last report, to report an episode once
  double reported_to_ms_ = -kNever;
};

}  // namespace friction
