// From summed visit tallies to what a product team reads: per step, how many visits, and what
// share of them met each kind of friction. Exact tallies are counted; randomized ones are
// estimated (anonymise/randomized_response.h), with their standard error, and the two add up.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "signal_store.h"

namespace friction::collector {

struct KindShare {
  std::string_view kind;
  double visits_met = 0;      // counted, or estimated and clamped to [0, visits]
  double standard_error = 0;  // 0 when every tally was exact
};

struct StepShares {
  std::string site, step;
  int64_t visits = 0;
  bool estimated = false;       // some tallies were randomized
  std::vector<KindShare> met;   // kinds met on some visit, most visits first
  int64_t first_seen_ms = 0;
  int64_t last_seen_ms = 0;
};

// Per site and step, most visited first (ties by site, then step), at most `limit` of them.
std::vector<StepShares> visitShares(const std::vector<VisitSums>& sums, size_t limit = 100);

}  // namespace friction::collector
