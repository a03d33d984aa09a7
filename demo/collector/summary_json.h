// GET /v1/summary: the dashboard's table as JSON, for scripts and tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "signal_store.h"
#include "visit_shares.h"

namespace friction::collector {

// {"total_signals":N,"groups":[{"kind","step","signals","events","first_seen","last_seen"}],
//  "visits":[{"step","visits","estimated","met":{"<kind>":{"visits","standard_error"?}},
//             "first_seen","last_seen"}]}
std::string summaryJson(int64_t total_signals, const std::vector<FrictionGroup>& groups,
                        const std::vector<StepShares>& visits = {});

}  // namespace friction::collector
