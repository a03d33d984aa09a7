#include "engine.h"

#include <algorithm>
#include <cmath>

#include "anonymise/selector_shape.h"
#include "encode/batch_record.h"
#include "encode/field_rules.h"
#include "encode/journey_record.h"

#ifndef FRICTION_VERSION
#define FRICTION_VERSION "dev"
#endif

namespace friction {

Engine::Engine(EngineConfig config) : config_(std::move(config)), ring_(config_.ring_capacity) {
  if (!parseHexKey(config_.hash_key_hex, key_)) key_ = siteKey(config_.site);
  if (!std::isfinite(config_.time_origin_ms)) config_.time_origin_ms = 0;
  SipKey seed;
  has_seed_ = parseHexKey(config_.random_seed_hex, seed);
  if (has_seed_) random_ = KeyedRandom(seed);
}

bool Engine::setThreshold(std::string_view name, double value) {
  const size_t dot = name.find('.');
  if (dot == std::string_view::npos || !std::isfinite(value)) return false;
  const std::string_view group = name.substr(0, dot);
  if (group == "score") return score_settings_.set(name.substr(dot + 1), value);
  if (group == "help") return help_settings_.set(name.substr(dot + 1), value);
  const auto kind = parseFrictionKind(group);
  if (!kind) return false;
  const std::string_view field = name.substr(dot + 1);
  bool accepted = false;
  detectors_.forEachDetector([&](FrictionKind k, auto& detector) {
    if (k == *kind) accepted = detector.thresholds().set(field, value);
  });
  // A click is dead or slow, never both nor neither: the two detectors share one boundary.
  if (accepted && *kind == FrictionKind::dead_click && field == "window_ms")
    detectors_.slow_response.thresholds().set("dead_after_ms", value);
  return accepted;
}

void Engine::setTimeOrigin(double time_origin_ms) {
  // Not a number would reach the stored journey as a cast of NaN: keep the last good origin.
  if (std::isfinite(time_origin_ms)) config_.time_origin_ms = time_origin_ms;
}

// A click is dead or slow, never both nor neither: the two detectors share one boundary.
static_assert(SlowResponseThresholds{}.dead_after_ms == DeadClickThresholds{}.window_ms,
              "slow_response.dead_after_ms starts where dead_click.window_ms ends");

bool Engine::enableLdp(double epsilon) {
  // Rounded first, as the wire carries it: what rounds out of range is refused, not sent.
  const double rounded = wireEpsilon(epsilon);
  if (!isUsableLdpEpsilon(rounded) || !has_seed_) return false;
  ldp_epsilon_ = rounded;
  return true;
}

const std::string& Engine::enterStep(std::string_view url, double now_ms) {
  drain(now_ms);
  detectors_.forEach([&](FrictionKind, auto& detector) { detector.onStep(now_ms, *this); });
  deduper_.newStep();
  const std::string next = templater_.templateOf(url);
  if (auto uturn = detectors_.quick_back.onEnterStep(next, config_.time_origin_ms + now_ms)) {
    // Told on the step left; the score of the step arrived at starts afresh below.
    detections_.push_back(LocalFriction{FrictionKind::quick_back, uturn->left_step, 0,
                                        uturn->score, now_ms, step_score_.at(now_ms)});
    queueSignal(FrictionKind::quick_back, uturn->left_step, 0, now_ms - uturn->dwell_ms, now_ms,
                1, uturn->score);
    // The U-turn belongs to the visit being left, still open here when the steps are routes
    // of one page; a visit of a page already unloaded was counted without it.
    tally(FrictionKind::quick_back);
    journey_.met(FrictionKind::quick_back);
  }
  closeVisit();
  step_ = next;
  outcomes_.enteredStep(step_);  // empty without signals consent
  step_score_.reset();
  // The views that led here reach the goal; this one opens after, and is not marked by it.
  if (!goal_step_.empty() && step_ == goal_step_) reachGoal(goal_step_name_, goal_step_);
  tallies_.open(step_);
  journey_.enter(step_, now_ms);
  return step_;
}

namespace {
// Between the two parts of the journey state: no step template starts with '#'.
constexpr std::string_view kJourneyLogSection = "#journey\n";
// Between the help trigger's memory and the pending offers' (help state), likewise.
constexpr std::string_view kHelpOutcomesSection = "#outcomes\n";
}  // namespace

void Engine::helpDismissed(double now_ms) {
  help_.dismissed(step_, now_ms);
  outcomes_.told(HelpEvent::dismissed);
}

bool Engine::helpEvent(std::string_view event) {
  const auto parsed = parseHelpEvent(event);
  return parsed && allowsSignals(consent_) && outcomes_.told(*parsed);
}

std::string Engine::helpState(double now_ms) const {
  std::string state = help_.state(config_.time_origin_ms, now_ms);
  // The pending offers link one page to the next: only for visitors who agreed to signals.
  if (allowsSignals(consent_)) state.append(kHelpOutcomesSection).append(outcomes_.state());
  return state;
}

void Engine::restoreHelpState(std::string_view state, double now_ms) {
  const size_t section = state.find(kHelpOutcomesSection);
  help_.restore(state.substr(0, section), config_.time_origin_ms, now_ms);
  if (section != std::string_view::npos && allowsSignals(consent_))
    outcomes_.restore(state.substr(section + kHelpOutcomesSection.size()));
}

std::string Engine::journeyState(double now_ms) const {
  return detectors_.quick_back.state() + std::string(kJourneyLogSection) + journey_.state(now_ms);
}

void Engine::restoreJourney(std::string_view state) {
  const size_t section = state.find(kJourneyLogSection);
  detectors_.quick_back.restore(state.substr(0, section));
  if (section != std::string_view::npos)
    journey_.restore(state.substr(section + kJourneyLogSection.size()));
}

// 128 random bits: unique enough that the collector can drop a retried batch by its id alone.
std::string Engine::newBatchId() { return toHex(random_.next()) + toHex(random_.next()); }

void Engine::tally(FrictionKind kind) {
  if (allowsCounts(consent_)) tallies_.met(kind);
}

void Engine::closeVisit() {
  if (!allowsCounts(consent_)) return tallies_.abandon();
  // Noise only where it protects: with signals consent the kinds met leave as exact signals
  // anyway, so a randomised tally would hide nothing (anonymise/randomized_response.h).
  const double epsilon = allowsSignals(consent_) ? 0 : ldp_epsilon_;
  const std::string goal = std::exchange(open_goal_, {});
  tallies_.close(epsilon, [this, epsilon, &goal](const VisitTally& truth) {
    VisitTally told = truth;
    // Whether help was asked goes only with signals consent, never in a counted tally.
    if (!allowsSignals(consent_)) told.help.reset();
    if (epsilon > 0) {
      told.met = 0;
      for (size_t i = 0; i < kFrictionKindCount; ++i) {
        const auto kind = static_cast<FrictionKind>(i);
        if (randomizedAnswer(truth.has(kind), epsilon, random_)) told.met |= VisitTally::bit(kind);
      }
    }
    // Reached during this view: marked now, once; else kept for a goal still to come.
    if (!goal.empty()) {
      VisitTally marked = told;
      marked.goal = goal;
      tallies_.addGoalTally(std::move(marked), epsilon);
    } else {
      told_.keep(told, epsilon);
    }
    return told;
  });
}

bool Engine::setGoalRoute(std::string_view pattern, std::string_view name) {
  if (!field_rules::isGoalName(name) || !addRoute(pattern)) return false;
  goal_step_ = templater_.templateOf(pattern);
  goal_step_name_ = std::string(name);
  return true;
}

bool Engine::goal(std::string_view name) {
  if (!field_rules::isGoalName(name)) return false;
  if (!allowsCounts(consent_)) return true;  // nothing told, nothing to mark
  reachGoal(std::string(name), {});
  if (tallies_.isOpen()) open_goal_ = std::string(name);
  return true;
}

void Engine::reachGoal(const std::string& name, const std::string& except_step) {
  outcomes_.goalReached();  // what followed the help offers still waiting (signals consent only)
  if (!allowsCounts(consent_)) return;
  for (auto& kept : told_.takeAll()) {
    // The goal page's own views (a reload of it) did not lead to the goal: they are the goal.
    if (!except_step.empty() && kept.tally.step == except_step) continue;
    kept.tally.goal = name;
    tallies_.addGoalTally(std::move(kept.tally), kept.epsilon);
  }
}

void Engine::pageHidden(double now_ms) {
  flush(now_ms);
  closeVisit();
}

void Engine::pageShown() {
  if (!tallies_.isOpen()) tallies_.open(step_);
}

void Engine::registerTarget(uint32_t id, std::string_view role, std::string_view selector,
                            uint32_t traits) {
  registerTarget(id, role, selector, traits, {});
}

void Engine::registerTarget(uint32_t id, std::string_view role, std::string_view selector,
                            uint32_t traits, std::string_view name) {
  targets_.put(TargetInfo{id, traits, targetHash(selector), std::string(role),
                          field_rules::cleanElementName(name)});
}

uint64_t Engine::targetHash(std::string_view selector) const {
  return siphash24(key_, selectorShape(selector));
}

size_t Engine::drain(double now_ms) {
  ring_.drain([this](const EventRecord& event) {
    detectors_.forEach([&](FrictionKind, auto& detector) { detector.onEvent(event, *this); });
  });
  detectors_.forEach([&](FrictionKind, auto& detector) { detector.onTick(now_ms, *this); });
  return detections_.size();
}

double Engine::nextDeadline() {
  double deadline = kNoDeadline;
  detectors_.forEach(
      [&](FrictionKind, auto& detector) { deadline = std::min(deadline, detector.nextDeadline()); });
  return deadline;
}

void Engine::flush(double now_ms) {
  drain(now_ms);
  detectors_.forEach([&](FrictionKind, auto& detector) { detector.flush(now_ms, *this); });
}

void Engine::detected(const Detection& d) {
  if (!deduper_.admitDetection(d)) return;
  step_score_.add(d.kind, d.score, d.at_ms);
  journey_.met(d.kind);
  tally(d.kind);
  const double score = step_score_.at(d.at_ms);
  detections_.push_back(LocalFriction{d.kind, step_, d.target, d.score, d.at_ms, score, d.cause});
  if (auto offer =
          help_.consider(step_, journey_.kindsMetHere(), d.kind, d.target, score, d.at_ms)) {
    if (allowsSignals(consent_)) outcomes_.offered(step_, d.kind);
    offers_.push_back(std::move(*offer));
  }
}

void Engine::episode(const Episode& e) {
  if (!deduper_.admitEpisode(e)) return;
  tally(e.kind);
  queueSignal(e.kind, step_, e.target, e.started_ms, e.ended_ms, e.count, e.score, e.cause);
}

void Engine::queueSignal(FrictionKind kind, const std::string& step, uint32_t target,
                         double started_ms, double ended_ms, uint32_t count, double score,
                         FrictionCause cause) {
  if (!allowsSignals(consent_)) return;  // nothing is even queued without consent
  const TargetInfo* info = targets_.find(target);
  // Within what the collector takes (encode/field_rules.h): a tab left open for days or a form
  // abandoned for hours is told as the longest time the format holds, not dropped with its batch.
  using namespace field_rules;
  const double span = std::min(std::max(0.0, ended_ms - started_ms), double{kMaxSpanMs});
  const double at_s = std::min(std::max(0.0, started_ms) / 1000, double{kMaxAtSeconds});
  Signal signal{};
  signal.kind = kind;
  signal.step = step;
  signal.role = info ? cleanRole(info->role) : (target == 0 ? "page" : "unknown");
  signal.target_hash = info ? info->selector_hash : 0;
  signal.count = std::clamp<uint32_t>(count, 1, kMaxCount);
  signal.at_s = static_cast<uint32_t>(at_s / kTimeBucketSeconds) * kTimeBucketSeconds;
  signal.span_ms = static_cast<uint32_t>(std::lround(span / kSpanBucketMs)) * kSpanBucketMs;
  signal.score = std::isfinite(score) ? std::clamp(score, 0.0, 1.0) : 0.0;
  signal.name = info ? info->name : "";
  signal.first = first_marks_.take(kind, step, signal.target_hash);
  // Only a cause its kind may carry leaves, as the collector takes it.
  if (carriesCause(kind, cause)) signal.cause = cause;
  queue_.push(std::move(signal));
}

bool Engine::setConsent(std::string_view level) {
  auto parsed = parseConsent(level);
  if (!parsed) return false;
  consent_ = *parsed;
  // Withdrawing consent drops what is unsent.
  if (!allowsSignals(consent_)) {
    queue_.clear();
    outcomes_.clear();
  }
  if (!allowsCounts(consent_)) {
    tallies_.clear();
    told_.clear();
    open_goal_.clear();
  }
  if (consent_ == Consent::none) journey_granted_ = false;  // a withdrawal outranks a pending yes
  return true;
}

std::vector<uint8_t> Engine::takeJourneyRecord(double now_ms) {
  if (!std::exchange(journey_granted_, false)) return {};
  return writeJourneyRecord(journey_.summary(now_ms));
}

std::vector<uint8_t> Engine::takeBatchRecord() {
  if (!allowsCounts(consent_) || !has_seed_) return {};
  const bool nothing = queue_.size() == 0 && queue_.dropped() == 0 && tallies_.closed() == 0 &&
                       tallies_.dropped() == 0 && outcomes_.size() == 0 &&
                       outcomes_.dropped() == 0;
  if (nothing) return {};
  BatchContent batch{{config_.site, FRICTION_VERSION, 0, 0, newBatchId()}, {}, {}, {}};
  uint32_t signals_dropped = 0, visits_dropped = 0, help_dropped = 0;
  batch.help = outcomes_.take(help_dropped);
  batch.signals = queue_.take(signals_dropped);
  // One ε a batch: tallies told with another (consent changed meanwhile) wait for the next.
  batch.visits = tallies_.take(batch.header.epsilon, visits_dropped);
  batch.header.dropped = signals_dropped + visits_dropped + help_dropped;
  // The device class goes with signals only (signals consent): tallies alone say nothing of it.
  if (!batch.signals.empty()) {
    batch.header.pointer = device_.pointer;
    batch.header.width = device_.width;
  }
  return writeBatchRecord(batch);
}

}  // namespace friction
