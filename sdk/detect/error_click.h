// Error click: a click followed by a script error or a failed request it set off. The control
// answered, but with a failure the user may not even be shown.
//
// Thresholds (per site: "error_click.<name>") and why:
//  - window_ms = 1000: an uncaught error, or the start of a request, within 1 s of the click
//    belongs to it. Datadog counts errors during the click's action, which lasts until page
//    activity stops (100 ms quiet) and is usually well under a second; FullStory and Clarity
//    count an error "right after" a click. A handler that throws does so within its own task;
//    1 s also covers a debounce or a timer before the fetch. Longer, and background errors
//    (polling, third-party scripts) get blamed on the click.
//  - request_limit_ms = 10000: a request the click set off may fail up to 10 s after the click
//    (Datadog's longest action). An uncaught error within window_ms after such a request ends
//    also counts: the response handler threw (a 200 with an unexpected body).
//  - cooldown_ms = 5000: errors after clicks on a target that was just reported are the same
//    episode until 5 s pass without one (a user retrying a failing button).
// Failed request: network error or 5xx; a 4xx is the page's own, usually explained, answer
// (form_struggle sees it when it repeats on a form). The error goes to the most recent click (the
// click a request set off, for a request's failure); each click is reported at most once.
// Errors with no recent click are background errors, not error clicks.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/friction_sink.h"

namespace friction {

struct ErrorClickThresholds {
  double window_ms = 1000;
  double request_limit_ms = 10000;
  double cooldown_ms = 5000;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class ErrorClickDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::error_click;

  explicit ErrorClickDetector(ErrorClickThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double, FrictionSink&) {}
  // A route change does not make an error that follows a click any less the click's.
  void onStep(double, FrictionSink&) {}
  void flush(double, FrictionSink&);
  double nextDeadline() const { return kNoDeadline; }  // decides on errors only

  ErrorClickThresholds& thresholds() { return thresholds_; }

 private:
  struct Click {
    uint32_t target = 0;
    double time_ms = 0;
    bool reported = false;
  };
  struct Request {  // a request a click set off
    int32_t id = 0;       // 0 = free slot
    uint32_t click = 0;   // the click's number (clicks_seen_ when it came)
    double ended_ms = -1;  // < 0 while in flight
  };

  void onRequestEnd(const EventRecord& end, FrictionSink& sink);
  void onError(const EventRecord& error, FrictionSink& sink);
  Click* click(uint32_t number);  // null once it has left the ring
  void blame(Click& click, double at_ms, double score, FrictionSink& sink);

  ErrorClickThresholds thresholds_;
  std::array<Click, 8> clicks_{};  // the most recent clicks: their requests may still end
  uint32_t clicks_seen_ = 0;       // clicks so far; the latest is number clicks_seen_
  std::array<Request, 8> requests_{};
  uint32_t requests_next_ = 0;
  uint32_t reported_target_ = 0;  // for the cool-down
  double reported_last_ms_ = 0;
};

}  // namespace friction
