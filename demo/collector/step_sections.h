// The dashboard's sections below the problems: the visits of each step and the share of them
// that met each kind of friction (from the visit tallies), and the steps where visitors asked
// for a person. Both in the page's language; a step with fewer visits than the view's k is not
// shown, like a small problem.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dashboard_language.h"
#include "dashboard_text.h"
#include "handoff_store.h"
#include "visit_shares.h"

namespace friction::collector {

// `steps` most visited first; those under `min_visits` are left out and counted.
std::string renderVisitsSection(const std::vector<StepShares>& steps, int64_t min_visits,
                                DashboardLanguage language);

// Where visitors asked for a person: the step they were on (the last of the summary they
// shared), how often, and when last; "not shared" for those who kept their journey.
struct HandoffsAtStep {
  std::string step;
  int64_t asks = 0;
  int64_t last_ms = 0;
};
std::vector<HandoffsAtStep> handoffsByStep(const std::vector<StoredHandoff>& handoffs);

// The dashboard's table, and /v1/handoffs, count the latest this many hand-offs.
inline constexpr size_t kDashboardHandoffs = 200;

// `handoff_count`: how many hand-offs `by_step` was made from. Steps asked from fewer than
// `min_asks` times are left out and counted (the agent view, for the people who answer, shows
// each request: that is what the visitor asked for).
std::string renderHandoffsSection(const std::vector<HandoffsAtStep>& by_step,
                                  size_t handoff_count, int64_t min_asks,
                                  DashboardLanguage language);

// What to do to see anything, for a collector that has nothing yet.
std::string renderNothingYet(DashboardLanguage language);

}  // namespace friction::collector
