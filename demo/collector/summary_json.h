// GET /v1/summary: the dashboard's table as JSON, for scripts and tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "signal_store.h"
#include "visit_shares.h"

namespace friction::collector {

// {"total_signals":N,"groups":[{"kind","step","signals","events","first_seen","last_seen"}],
//  "visits":[{"site","step","visits","estimated","met":{"<kind>":{...}},"first_seen","last_seen"}]}
// Per kind: "visits" (counted, or estimated and clamped to [0, visits]) and "share" (that over
// the step's visits, 4 decimals). An estimated step lists every kind and adds "estimate" (not
// clamped, 1 decimal: the number to add up or compare), "standard_error" (of the estimate) and
// "detectable" (false when the clamped count is 0: not detectable at this sample size).
std::string summaryJson(int64_t total_signals, const std::vector<FrictionGroup>& groups,
                        const std::vector<StepShares>& visits = {});

}  // namespace friction::collector
