// GET /v1/summary: the visits of each step and the kinds of friction met, as JSON or CSV (the
// dashboard's "Visits by step" table). (The problems, per element, are at /v1/problems.)
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "signal_store.h"
#include "visit_shares.h"

namespace friction::collector {

// {"k":5,"hidden_steps":N,
//  "visits":[{"site","step","visits","estimated","met":{"<kind>":{...}},"first_seen","last_seen"}]}
// A step with fewer than k visits is left out and counted in "hidden_steps", as on the page.
// Per kind: "visits" (counted, or estimated and clamped to [0, visits]) and "share" (that over
// the step's visits, 4 decimals). An estimated step lists every kind and adds "estimate" (not
// clamped, 1 decimal: the number to add up or compare), "standard_error" (of the estimate) and
// "detectable" (false when the clamped count is 0: not detectable at this sample size).
std::string summaryJson(const std::vector<StepShares>& visits, int64_t min_visits);

// The same steps as CSV (RFC 4180, CRLF), one row per step and kind (a step that met nothing:
// one row with an empty kind); text fields through csvField().
//   site,step,visits,estimated,kind,visits_met,share,estimate,standard_error,detectable
std::string summaryCsv(const std::vector<StepShares>& visits, int64_t min_visits);

}  // namespace friction::collector
