#include "visit_shares.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "anonymise/randomized_response.h"

namespace friction::collector {

std::vector<StepShares> visitShares(const std::vector<VisitSums>& sums, size_t limit) {
  struct Totals {
    StepShares shares;
    double met[kFrictionKindCount] = {};
    double variance[kFrictionKindCount] = {};
  };
  // Per site and step: every site has a "/", and sites' shares must never mix.
  std::map<std::pair<std::string, std::string>, Totals> by_step;
  for (const auto& group : sums) {
    // An ε no estimate can use (a row stored before the intake refused it) would make every
    // share of its step NaN or infinite: such a group is left out.
    if (group.epsilon != 0 && !isUsableLdpEpsilon(group.epsilon)) continue;
    Totals& totals = by_step[{group.site, group.step}];
    StepShares& shares = totals.shares;
    shares.first_seen_ms = shares.visits ? std::min(shares.first_seen_ms, group.first_seen_ms)
                                         : group.first_seen_ms;
    shares.last_seen_ms = std::max(shares.last_seen_ms, group.last_seen_ms);
    shares.visits += group.visits;
    shares.estimated = shares.estimated || group.epsilon > 0;
    for (size_t k = 0; k < kFrictionKindCount; ++k) {
      if (group.epsilon <= 0) {
        totals.met[k] += static_cast<double>(group.said_met[k]);
        continue;
      }
      // Unbiased per group, so the sum over groups (and over ε) is unbiased too.
      const auto estimate = estimateTrueCount(static_cast<double>(group.said_met[k]),
                                              static_cast<double>(group.visits), group.epsilon);
      totals.met[k] += estimate.count;
      totals.variance[k] += estimate.standard_error * estimate.standard_error;
    }
  }

  std::vector<StepShares> steps;
  for (auto& [site_step, totals] : by_step) {
    StepShares shares = std::move(totals.shares);
    std::tie(shares.site, shares.step) = site_step;
    const double visits = static_cast<double>(shares.visits);
    for (size_t k = 0; k < kFrictionKindCount; ++k) {
      const double met = std::clamp(totals.met[k], 0.0, visits);
      if (met > 0) shares.met.push_back({kFrictionKindNames[k], met, std::sqrt(totals.variance[k])});
    }
    std::sort(shares.met.begin(), shares.met.end(),
              [](const KindShare& a, const KindShare& b) { return a.visits_met > b.visits_met; });
    steps.push_back(std::move(shares));
  }
  std::sort(steps.begin(), steps.end(), [](const StepShares& a, const StepShares& b) {
    if (a.visits != b.visits) return a.visits > b.visits;
    return a.site != b.site ? a.site < b.site : a.step < b.step;
  });
  if (steps.size() > limit) steps.resize(limit);
  return steps;
}

}  // namespace friction::collector
