// The core, as the browser sees it: events in (through the ring), friction out (to the page at
// once, and as anonymised signals once the user consents). The JS layer only captures and
// delivers; every decision is made here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anonymise/randomized_response.h"
#include "anonymise/siphash.h"
#include "capture/event_ring.h"
#include "decide/consent.h"
#include "decide/friction_deduper.h"
#include "decide/help_outcomes.h"
#include "decide/help_trigger.h"
#include "decide/step_score.h"
#include "detect/detector_set.h"
#include "journey/journey_log.h"
#include "anonymise/step_template.h"
#include "signals/device_class.h"
#include "signals/first_marks.h"
#include "signals/signal_queue.h"
#include "signals/told_tallies.h"
#include "signals/visit_tally.h"

namespace friction {

struct EngineConfig {
  std::string site = "default";
  std::string hash_key_hex;       // optional 32 hex digits; else derived from site
  uint32_t ring_capacity = kDefaultRingCapacity;  // records, a power of two
  // 32 hex digits from the browser's CSPRNG (crypto.getRandomValues): batch ids and randomized
  // response draw from it. Without it no batch is made: two engines must never share ids.
  std::string random_seed_hex;
  // The wall-clock time (ms since 1970) of page time 0: Date.now() - performance.now() in the
  // browser. Every other time the engine is given is page time (performance.now()); what it
  // keeps across page loads (U-turns, help memory) is wall-clock time, this origin added.
  double time_origin_ms = 0;
};

// Told to the page right away (the `friction:detected` event). Stays in the browser.
struct LocalFriction {
  FrictionKind kind;
  std::string step;
  uint32_t target;
  double score;       // the evidence for this one, 0..1
  double at_ms;
  double step_score;  // how much the step hurts now, this one included (decide/step_score.h)
  FrictionCause cause = FrictionCause::none;  // why, where the detector can tell
};

class Engine : private FrictionSink {
 public:
  explicit Engine(EngineConfig config);

  EventRing& ring() { return ring_; }

  // The page is in view again: the page clock may have stopped while the machine slept, so JS
  // tells the origin afresh (EngineConfig::time_origin_ms). Not a finite number: ignored.
  void setTimeOrigin(double time_origin_ms);

  bool addRoute(std::string_view pattern) { return templater_.addRoute(pattern); }
  // Only declared routes as steps, any other path "/other" (anonymise/step_template.h).
  void routesOnly(bool on) { templater_.routesOnly(on); }
  // "rage_click.min_clicks" = 4, before events flow; also "score.<name>" (decide/step_score.h)
  // and "help.<name>" (decide/help_trigger.h). False for an unknown name or a value out of the
  // range the header gives.
  bool setThreshold(std::string_view name, double value);
  // The kinds offered help at their first sign: "rage_click,error_click", or "" for none
  // (default: the kinds marked "help" in detect/friction_kind.h).
  bool setHelpKinds(std::string_view kinds) { return help_settings_.setKinds(kinds); }

  // Randomized response on the tallies told under "counts" consent, with ε per kind in
  // [kMinLdpEpsilon, kMaxLdpEpsilon] once rounded as the wire carries it. False, and no change,
  // for another ε or without a random seed (EngineConfig).
  bool enableLdp(double epsilon);
  bool hasRandomSeed() const { return has_seed_; }
  double ldpEpsilon() const { return ldp_epsilon_; }

  // A new page or SPA route, at page time now_ms: open episodes end on the step they belong
  // to, then U-turns are checked; the visit to the old step closes and one to the new step
  // opens.
  const std::string& enterStep(std::string_view url, double now_ms);
  const std::string& step() const { return step_; }
  // The tab's journey across page loads, for visitors who agreed to signals: the last steps
  // for U-turns (detect/quick_back.h), then the journey log for a hand-off's summary
  // (journey/journey_log.h), each part in its own section.
  std::string journeyState(double now_ms) const;
  void restoreJourney(std::string_view state);

  // What the core may know about an element: role, traits (detect/target_traits.h) and a keyed
  // hash of its selector's shape (anonymise/selector_shape.h). The selector is not kept.
  void registerTarget(uint32_t id, std::string_view role, std::string_view selector,
                      uint32_t traits);
  // The keyed hash registerTarget would give an element with this selector: the dashboard's
  // "open on the page" link names a hash, and the page finds its elements by it, locally.
  uint64_t targetHash(std::string_view selector) const;
  // The same, with the name the site gave the element (data-friction-name): kept cleaned
  // (field_rules::cleanElementName), sent with the element's signals. Never page text.
  void registerTarget(uint32_t id, std::string_view role, std::string_view selector,
                      uint32_t traits, std::string_view name);

  // The device as JS measured it before a send (signals/device_class.h): coarse pointer or not,
  // viewport width in CSS px. Written in the header of the next batches that hold signals.
  void setDevice(bool coarse_pointer, double viewport_px) {
    device_ = classifyDevice(coarse_pointer, viewport_px);
  }

  // Consumes everything JS wrote to the ring, runs the detectors, lets time-based ones decide.
  // Returns how many detections are waiting in takeDetections().
  size_t drain(double now_ms);
  std::vector<LocalFriction> takeDetections() { return std::exchange(detections_, {}); }
  // Offers of help decided since the last call (decide/help_trigger.h), at most one per drain.
  std::vector<HelpOffer> takeHelpOffers() { return std::exchange(offers_, {}); }
  // The visitor closed the offer on the current step.
  void helpDismissed(double now_ms);
  // What the visitor did with the latest offer of this page (decide/help_outcomes.h): "opened",
  // "dismissed", "handoff", "solved" or "unsolved". Kept for the next batch only with signals
  // consent; false when nothing was kept.
  bool helpEvent(std::string_view event);
  // Whether the widget should ask "Did this solve it?" now (once per tab session, after the
  // offer was opened, only where the answer would be kept: signals consent).
  bool helpQuestion() { return allowsSignals(consent_) && outcomes_.askQuestion(); }
  size_t pendingHelpEvents() const { return outcomes_.size(); }
  // The help trigger's memory across the pages of one tab session (decide/help_trigger.h), at
  // page time now_ms; it holds wall-clock times (EngineConfig::time_origin_ms). With signals
  // consent, the offers still waiting to see what follows too (decide/help_outcomes.h).
  std::string helpState(double now_ms) const;
  void restoreHelpState(std::string_view state, double now_ms);
  // The forms sent on this page, for the next page load of this tab (detect/form_carry.h): a
  // form posted and rendered again with errors is a second rejection, not a first. Selector
  // hashes, times and counts only; never sent.
  std::string formState() const {
    return detectors_.form_struggle.carriedState(config_.time_origin_ms);
  }
  void restoreFormState(std::string_view state, double now_ms) {
    detectors_.form_struggle.restoreCarried(state, config_.time_origin_ms, now_ms);
  }
  // How much the current step hurts at page time now_ms.
  double stepScore(double now_ms) const { return step_score_.at(now_ms); }
  // The page time at which drain() next has something to decide without new events.
  double nextDeadline();
  // Settle every open episode now (before sending, or because the page is going away).
  void flush(double now_ms);
  // The page was hidden (tab switch, navigation, app switch): settle, and close the visit.
  void pageHidden(double now_ms);
  // The page is in view again: a new visit to the same step.
  void pageShown();

  // The site's goal (signals/told_tallies.h). As a route: entering a step of this template
  // reaches the goal named `name` (field_rules::isGoalName); the goal step's own tallies are
  // never marked by it. False, and no change, for a pattern not starting with '/' or a bad name.
  bool setGoalRoute(std::string_view pattern, std::string_view name);
  // The goal is reached now (friction.goal()): every tally this tab told before is told again
  // marked with `name`, and so is the open one when it closes. False for a bad name.
  bool goal(std::string_view name);
  // The visitor asked for help on the current view (opened it, or asked for a person).
  void helpAsked() { tallies_.helpAsked(); }
  // The tallies told in this tab and not yet followed by the goal, for the next page load of
  // the tab (js/src/tab_memory.js); empty without counts consent.
  std::string toldState() const { return allowsCounts(consent_) ? told_.state() : std::string(); }
  void restoreTold(std::string_view state) {
    if (allowsCounts(consent_)) told_.restore(state);
  }
  size_t keptTallies() const { return told_.size(); }

  bool setConsent(std::string_view level);
  Consent consent() const { return consent_; }

  size_t pendingSignals() const { return queue_.size(); }
  size_t pendingVisits() const { return tallies_.closed(); }
  // The next batch to send, as a record for the codec (encode/batch_record.h, encode/codec.h);
  // empty when there is nothing to send or no consent to send it. Tallies told with two ε (the
  // consent changed in between) take two batches: call again while one comes out.
  std::vector<uint8_t> takeBatchRecord();

  uint64_t droppedEvents() const { return ring_.overruns(); }

  // The per-request "journey" consent: the visitor, asking for a person, agreed to share a
  // summary of their journey with that one request. The next takeJourneyRecord() uses it up.
  void grantJourneyOnce() { journey_granted_ = true; }
  // The summary as a record for the codec (encode/journey_record.h) if a grant is waiting,
  // else empty.
  std::vector<uint8_t> takeJourneyRecord(double now_ms);

 private:
  // FrictionSink
  void detected(const Detection& detection) override;
  void episode(const Episode& episode) override;
  const TargetTable& targets() const override { return targets_; }

  void queueSignal(FrictionKind kind, const std::string& step, uint32_t target, double started_ms,
                   double ended_ms, uint32_t count, double score,
                   FrictionCause cause = FrictionCause::none);
  void tally(FrictionKind kind);
  std::string newBatchId();
  void closeVisit();
  void reachGoal(const std::string& name, const std::string& except_step);

  EngineConfig config_;
  SipKey key_;
  EventRing ring_;
  StepTemplater templater_;
  std::string step_ = "/";
  TargetTable targets_;
  DetectorSet detectors_;
  FrictionDeduper deduper_;
  std::vector<LocalFriction> detections_;
  StepScoreSettings score_settings_;
  StepScore step_score_{score_settings_};
  HelpSettings help_settings_;
  HelpTrigger help_{help_settings_};
  std::vector<HelpOffer> offers_;
  HelpOutcomes outcomes_;  // only with signals consent
  Consent consent_ = Consent::none;
  SignalQueue queue_;
  VisitTallies tallies_;
  ToldTallies told_;           // told this tab session, waiting for the goal
  std::string goal_step_;      // the goal's route template, if the site declared one
  std::string goal_step_name_;
  std::string open_goal_;      // the goal reached during the open view: marks it when it closes
  JourneyLog journey_;
  bool journey_granted_ = false;
  FirstMarks first_marks_;  // this page load's (kind, step, target) already told
  DeviceClass device_;
  double ldp_epsilon_ = 0;  // 0: tallies are sent as they are
  bool has_seed_ = false;
  KeyedRandom random_{SipKey{0, 0}};
};

}  // namespace friction
