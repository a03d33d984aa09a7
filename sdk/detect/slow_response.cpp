#include "detect/slow_response.h"

#include <algorithm>

namespace friction {

namespace {
constexpr uint32_t kAnswersElsewhere = kDownload | kNewTab | kTextField | kFormControl | kLabel;

bool isCandidate(const EventRecord& click, uint32_t traits) {
  if (click.flags & kClickModifier) return false;
  return (traits & (kActionable | kPseudoLink)) != 0 && (traits & kAnswersElsewhere) == 0;
}

double lateness(double waited_ms, double threshold_ms) {
  return std::min(1.0, 0.5 * waited_ms / threshold_ms);
}
}  // namespace

bool SlowResponseThresholds::set(std::string_view name, double value) {
  if (name == "interaction_ms" && value >= 100 && value <= 5000) interaction_ms = value;
  else if (name == "min_busy_ms" && value >= 0 && value <= 5000) min_busy_ms = value;
  else if (name == "late_ms" && value >= 200 && value <= 10000) late_ms = value;
  else if (name == "dead_after_ms" && value >= 500 && value <= 10000) dead_after_ms = value;
  else if (name == "busy_limit_ms" && value >= 1000 && value <= 60000) busy_limit_ms = value;
  else return false;
  return true;
}

void SlowResponseDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::click:
      settle(event.time_ms, sink);
      if (isCandidate(event, sink.targets().traits(event.target))) watch_.watch(event);
      break;
    case EventType::event_timing:
      onEventTiming(event, sink);  // its time is the input's, earlier than the events around it
      break;
    case EventType::visibility:
      if (event.a == 0) watch_.clear();  // the user is elsewhere: lateness is not measurable
      break;
    default:
      watch_.observe(event);
      settle(event.time_ms, sink);
      break;
  }
}

void SlowResponseDetector::onEventTiming(const EventRecord& record, FrictionSink& sink) {
  const double duration = record.a;
  const double busy = record.x;  // the page's own share of the wait (see min_busy_ms)
  if (duration < thresholds_.interaction_ms || busy < thresholds_.min_busy_ms) return;
  report(record.target, record.time_ms, record.time_ms + duration, 1,
         lateness(duration, thresholds_.interaction_ms), sink);
}

void SlowResponseDetector::settle(double now_ms, FrictionSink& sink) {
  watch_.forEach([&](WatchedClick& click) {
    if (click.shown()) {
      const double waited = click.shown_ms - click.first_ms;
      // Late, but not a dead click: seen before the dead window, or busy (a request) within it.
      const bool notDead = waited < thresholds_.dead_after_ms ||
                           click.answeredWithin(thresholds_.dead_after_ms);
      if (waited >= thresholds_.late_ms && waited <= thresholds_.busy_limit_ms && notDead)
        report(click.target, click.first_ms, click.shown_ms, click.clicks,
               lateness(waited, thresholds_.late_ms), sink);
      ClickResponseWatch::release(click);
      return;
    }
    const double waited = now_ms - click.first_ms;
    const bool dead = waited >= thresholds_.dead_after_ms &&
                      !click.answeredWithin(thresholds_.dead_after_ms);
    if (dead || waited > thresholds_.busy_limit_ms) ClickResponseWatch::release(click);
  });
}

void SlowResponseDetector::report(uint32_t target, double started_ms, double ended_ms,
                                  uint32_t count, double score, FrictionSink& sink) {
  const bool sameEpisode = started_ms <= reported_to_ms_ && ended_ms >= reported_from_ms_;
  if (sameEpisode) {
    reported_from_ms_ = std::min(reported_from_ms_, started_ms);
    reported_to_ms_ = std::max(reported_to_ms_, ended_ms);
    return;
  }
  reported_from_ms_ = started_ms;
  reported_to_ms_ = ended_ms;
  sink.detectedAndOver(Detection{kKind, target, ended_ms, score}, count,
                       started_ms);
}

void SlowResponseDetector::onStep(double now_ms, FrictionSink& sink) {
  watch_.answerAll(now_ms);  // the route change is the answer
  settle(now_ms, sink);
}

}  // namespace friction
