// The visitor's journey on this page, kept in memory for one purpose: a summary the visitor
// may choose to hand to a person when they ask for help, so that they need not tell their story
// again. Steps as templates, time spent (coarse), frictions met; never anything typed.
//
// It leaves the browser only with a per-request "journey" consent (Engine::grantJourneyOnce):
// the visitor says yes at the moment they ask, for that request alone.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detect/friction_kind.h"
#include "signals/visit_tally.h"

namespace friction {

// One step of the summary: how long (rounded to JourneyLog::kDwellBucketMs), what was met.
struct JourneyStepSummary {
  std::string step;
  uint32_t seconds = 0;
  std::array<uint16_t, kFrictionKindCount> met{};  // how often each kind was met
};

class JourneyLog {
 public:
  // Enough to tell an agent how the visitor got here; older steps drop off.
  static constexpr size_t kMaxSteps = 20;
  // Time on a step, rounded to this: how long, not when.
  static constexpr double kDwellBucketMs = 5000;
  // Longer than this on one step says nothing more to an agent (a tab left open for days).
  static constexpr double kMaxDwellMs = 24 * 3600 * 1000.0;

  void enter(std::string step, double now_ms);
  void met(FrictionKind kind);
  // The kinds met on the current step so far (bit i: FrictionKind i).
  uint16_t kindsMetHere() const;
  // Oldest first; the last step is the current one, its time counted up to now_ms. The codec
  // writes it as JSON (encode/journey_record.h).
  std::vector<JourneyStepSummary> summary(double now_ms) const;
  void clear() { steps_.clear(); }

  // The log across the page loads of a tab, for visitors who agreed to signals (the engine's
  // journeyState): one line per step, "dwell_ms|count,count,...|step", oldest first, with the
  // current step's time counted up to now_ms. restore() replaces the log with the stored steps,
  // all left; anything malformed is skipped.
  std::string state(double now_ms) const;
  void restore(std::string_view state);

 private:
  struct Step {
    std::string step;
    double entered_ms = 0;
    double left_ms = -1;  // still there
    std::array<uint16_t, kFrictionKindCount> met{};
  };
  std::vector<Step> steps_;
};

}  // namespace friction
