#include "detect/error_click.h"

namespace friction {

namespace {
// How sure we are that the user met a failure: an uncaught error stops the click's handler
// midway; a rejection is more often a background promise. A 5xx or a network error means the
// action failed.
constexpr double kErrorScore = 0.8;
constexpr double kRejectionScore = 0.6;
constexpr double kFailureScore = 0.8;

// A 4xx is the page's own answer, which it usually explains (a postcode the server refuses, a
// wrong password, out of stock): when it repeats on a form, that is form_struggle, not an error.
bool failed(int32_t status_class) { return status_class == 0 || status_class == 5; }
}  // namespace

bool ErrorClickThresholds::set(std::string_view name, double value) {
  if (name == "window_ms" && value >= 100 && value <= 10000) window_ms = value;
  else if (name == "request_limit_ms" && value >= 1000 && value <= 60000) request_limit_ms = value;
  else if (name == "cooldown_ms" && value >= 0 && value <= 60000) cooldown_ms = value;
  else return false;
  return true;
}

void ErrorClickDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::click:
      clicks_[++clicks_seen_ % clicks_.size()] = Click{event.target, event.time_ms, false};
      break;
    case EventType::request_start: {
      const Click* latest = click(clicks_seen_);
      if (event.a != 0 && latest && event.time_ms - latest->time_ms <= thresholds_.window_ms)
        requests_[requests_next_++ % requests_.size()] = Request{event.a, clicks_seen_, -1};
      break;
    }
    case EventType::request_end:
      onRequestEnd(event, sink);
      break;
    case EventType::js_error:
      onError(event, sink);
      break;
    default:
      break;
  }
}

ErrorClickDetector::Click* ErrorClickDetector::click(uint32_t number) {
  if (number == 0 || number > clicks_seen_ || clicks_seen_ - number >= clicks_.size())
    return nullptr;
  return &clicks_[number % clicks_.size()];
}

void ErrorClickDetector::onRequestEnd(const EventRecord& end, FrictionSink& sink) {
  for (Request& request : requests_) {
    if (request.id != end.a || request.ended_ms >= 0) continue;
    Click* by = click(request.click);
    if (!failed(end.b)) {
      request.ended_ms = end.time_ms;  // kept: its response handler may still throw
    } else {
      if (by && end.time_ms - by->time_ms <= thresholds_.request_limit_ms)
        blame(*by, end.time_ms, kFailureScore, sink);
      request = Request{};
    }
    return;
  }
}

void ErrorClickDetector::onError(const EventRecord& error, FrictionSink& sink) {
  const double score = (error.flags & kErrorRejection) ? kRejectionScore : kErrorScore;
  Click* latest = click(clicks_seen_);
  if (latest && error.time_ms - latest->time_ms <= thresholds_.window_ms) {
    blame(*latest, error.time_ms, score, sink);
    return;
  }
  // Else: thrown while handling the response of a request a click set off?
  Request* handled = nullptr;
  for (Request& request : requests_) {
    const bool justEnded = request.id != 0 && request.ended_ms >= 0 &&
                           error.time_ms - request.ended_ms <= thresholds_.window_ms;
    if (justEnded && (!handled || request.ended_ms > handled->ended_ms)) handled = &request;
  }
  if (!handled) return;  // no recent click: a background error
  if (Click* by = click(handled->click)) blame(*by, error.time_ms, score, sink);
}

void ErrorClickDetector::blame(Click& click, double at_ms, double score, FrictionSink& sink) {
  if (click.reported) return;
  click.reported = true;
  const bool sameEpisode =
      click.target == reported_target_ && at_ms - reported_last_ms_ < thresholds_.cooldown_ms;
  reported_target_ = click.target;
  reported_last_ms_ = at_ms;
  if (sameEpisode) return;
  sink.detectedAndOver(Detection{kKind, click.target, at_ms, score}, 1,
                       click.time_ms);
}

void ErrorClickDetector::flush(double, FrictionSink&) {
  // Requests in flight never end now; the clicks are the last page's.
  requests_ = {};
  clicks_ = {};
  clicks_seen_ = 0;
}

}  // namespace friction
