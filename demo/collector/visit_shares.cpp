#include "visit_shares.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "anonymise/randomized_response.h"

namespace friction::collector {
namespace {

// One site's step, added up over its groups (one per ε).
struct StepTotals {
  StepShares shares;
  double counted[kFrictionKindCount] = {};  // exact groups: visits that met each kind
  int64_t randomized_visits = 0;
  double weight = 0;                          // Σ w over randomized groups
  double weighted_share[kFrictionKindCount] = {};  // Σ w·ŝ
};

// w = 1 / var(ŝ) for a share ŝ = t̂ / n estimated from n answers randomized with ε:
// var(t̂) = n·p(1−p) / (2p−1)² (anonymise/randomized_response.h), divided by n².
double shareWeight(double visits, double epsilon) {
  const double p = truthProbability(epsilon);
  return visits * (2 * p - 1) * (2 * p - 1) / (p * (1 - p));
}

void add(StepTotals& totals, const VisitSums& group) {
  StepShares& shares = totals.shares;
  shares.first_seen_ms = shares.visits ? std::min(shares.first_seen_ms, group.first_seen_ms)
                                       : group.first_seen_ms;
  shares.last_seen_ms = std::max(shares.last_seen_ms, group.last_seen_ms);
  shares.visits += group.visits;
  if (group.epsilon == 0) {
    for (size_t k = 0; k < kFrictionKindCount; ++k)
      totals.counted[k] += static_cast<double>(group.said_met[k]);
    return;
  }
  if (group.visits <= 0) return;
  // The randomized groups of a step differ only by the SDK configuration that sent them (ε), so
  // they estimate the same share. Weighted by the inverse of their variance, a group added never
  // widens the margin: summing their counts instead, one batch of 100 visits at ε = 0.1 (a
  // standard error of about 10 visits per visit) would swamp 10,000 visits at ln 3.
  const double visits = static_cast<double>(group.visits);
  const double weight = shareWeight(visits, group.epsilon);
  totals.randomized_visits += group.visits;
  totals.weight += weight;
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    const auto estimate =
        estimateTrueCount(static_cast<double>(group.said_met[k]), visits, group.epsilon);
    totals.weighted_share[k] += weight * estimate.count / visits;
  }
}

// Exact visits are counted; randomized ones are the combined share times their number, with
// standard error N / √Σw. With one randomized group this is estimateTrueCount's own answer.
StepShares finish(StepTotals& totals) {
  StepShares shares = std::move(totals.shares);
  shares.estimated = totals.weight > 0;
  const double randomized = static_cast<double>(totals.randomized_visits);
  const double standard_error = shares.estimated ? randomized / std::sqrt(totals.weight) : 0;
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    double estimate = totals.counted[k];
    if (shares.estimated) estimate += totals.weighted_share[k] / totals.weight * randomized;
    // Shown within what is possible: the counted visits at least, every randomized one at most.
    const double met = std::clamp(estimate, totals.counted[k], totals.counted[k] + randomized);
    // An estimated kind is listed even at 0: "not detectable at this sample size" is an answer
    // too. A counted 0 is simply none.
    if (shares.estimated || met > 0)
      shares.met.push_back({kFrictionKindNames[k], met, estimate, standard_error});
  }
  std::stable_sort(shares.met.begin(), shares.met.end(),
                   [](const KindShare& a, const KindShare& b) {
                     return a.visits_met != b.visits_met ? a.visits_met > b.visits_met
                                                         : a.estimate > b.estimate;
                   });
  return shares;
}

}  // namespace

std::vector<StepShares> visitShares(const std::vector<VisitSums>& sums, size_t limit) {
  // Per site and step: every site has a "/", and sites' shares must never mix.
  std::map<std::pair<std::string, std::string>, StepTotals> by_step;
  for (const auto& group : sums) {
    // An ε no estimate can use (a row stored before the intake refused it) would make every
    // share of its step NaN or infinite: such a group is left out.
    if (group.epsilon != 0 && !isUsableLdpEpsilon(group.epsilon)) continue;
    add(by_step[{group.site, group.step}], group);
  }

  std::vector<StepShares> steps;
  for (auto& [site_step, totals] : by_step) {
    steps.push_back(finish(totals));
    std::tie(steps.back().site, steps.back().step) = site_step;
  }
  std::sort(steps.begin(), steps.end(), [](const StepShares& a, const StepShares& b) {
    if (a.visits != b.visits) return a.visits > b.visits;
    return a.site != b.site ? a.site < b.site : a.step < b.step;
  });
  if (steps.size() > limit) steps.resize(limit);
  return steps;
}

}  // namespace friction::collector
