// From summed visit tallies to what a product team reads: per site and step, how many visits,
// and what share of them met each kind of friction. Exact tallies are counted; randomized ones
// are estimated (anonymise/randomized_response.h), their groups (one per ε) combined by
// inverse-variance weighting, with a standard error; the two add up.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "visit_sums.h"

namespace friction::collector {

struct KindShare {
  std::string_view kind;
  double visits_met = 0;      // counted, or estimated and clamped to what is possible (the counted
                              // visits at least, every randomized one at most): for display
  double estimate = 0;        // unclamped: below 0 or above visits by chance, unbiased
  double standard_error = 0;  // of `estimate`; 0 when every tally was exact

  // Estimated at 0 or below: not detectable at this sample size (it may still be there).
  bool detectable() const { return visits_met > 0; }
};

struct StepShares {
  std::string site, step;
  int64_t visits = 0;
  bool estimated = false;       // some tallies were randomized
  // Most visits first. Exact: the kinds met on some visit. Estimated: every kind, since one
  // estimated at 0 is an answer too (not detectable at this sample size).
  std::vector<KindShare> met;
  int64_t first_seen_ms = 0;
  int64_t last_seen_ms = 0;
};

// Per site and step, most visited first (ties by site, then step), at most `limit` of them.
std::vector<StepShares> visitShares(const std::vector<VisitSums>& sums, size_t limit = 100);

}  // namespace friction::collector
