// A problem's causes as the views show them, whichever engine summed them: in the order of
// detect/friction_cause.h, and only those told at least k times. The views hide a problem of
// fewer than k page views (ProblemQuery::min_views) because a count of 1 or 2 can point at one
// person; "1 abandonment" on a shown problem could too, so a cause is held to the same k (on its
// signals, which are never fewer than the page views they came from).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "problems.h"

namespace friction::collector {

std::vector<CauseCount> shownCauses(const std::map<std::string, int64_t>& signals_by_cause,
                                    int64_t min_count);

}  // namespace friction::collector
