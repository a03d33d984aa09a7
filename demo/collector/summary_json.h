// GET /v1/summary: the dashboard's table as JSON, for scripts and tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "signal_store.h"

namespace friction::collector {

// {"total_signals":N,"groups":[{"kind","step","signals","events","first_seen","last_seen"}]}
std::string summaryJson(int64_t total_signals, const std::vector<FrictionGroup>& groups);

}  // namespace friction::collector
