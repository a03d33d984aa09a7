// What friction costs in conversions (issue 14), per site, step and kind of friction, from the
// tallies of outcome_store.h: among the views of a step, the share followed by the site's goal
// for those that met the kind against those that did not, their difference with its 95%
// interval, and the visits lost that the difference implies. The tallies carry no element, so
// conversion is per step and kind, never per element.
//
// Counts: the views' own tallies give the views with and without the kind, the goal tallies
// those of them the goal followed. Both streams go through the collector's estimator
// (visit_shares.h): exact tallies counted, randomized ones estimated (randomized_response.h)
// with their ε groups combined by inverse-variance weighting.
//
// Interval: Wald, by the delta method. The variance of the difference adds the sampling
// variance of two proportions, c(1−c)/n each, and the randomized-response noise, which the two
// conversions share (a goal tally repeats its view's noisy answer): per ε group, with
// q = p(1−p)/(2p−1)² per answer, var(c₁) += q·[M(1−c₁)² + (N−M)c₁²]/V², var(c₀) likewise over
// N−V, and cov(c₁, c₀) = −q·[M(1−c₁)(1−c₀) + (N−M)c₁c₀]/(V(N−V)) (N views of the group, M of
// them followed by the goal). Exact for one ε group, as most sites have; an approximation
// when groups of different ε are mixed. The visits lost, (c₀ − c₁)·V, take the difference's
// relative error and ignore the uncertainty of V.
//
// Silent churn, from exact tallies only (whether help was asked is told only with signals
// consent): views that met friction and asked for no help, minus those of them followed by the
// goal.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "outcome_store.h"

namespace friction::collector {

// The z of a two-sided 95% interval.
inline constexpr double kZ95 = 1.959963984540054;

struct KindConversion {
  std::string site, step, kind, goal;
  bool estimated = false;         // randomized tallies went into it
  double views_with = 0;          // views that met the kind (estimated if randomized)
  double views_without = 0;
  double converted_with = 0;      // share of views_with followed by the goal, 0..1
  double converted_without = 0;
  double difference = 0;          // converted_with − converted_without
  double difference_se = 0;
  double low = 0, high = 0;       // 95% interval of the difference
  double visits_lost = 0;         // (converted_without − converted_with) × views_with
  double visits_lost_low = 0, visits_lost_high = 0;
};

struct SilentChurn {
  std::string site, step, goal;
  int64_t quiet_views = 0;      // exact tallies: met friction, asked for no help
  int64_t quiet_converted = 0;  // of them, followed by the goal
  int64_t silent_churn = 0;     // quiet_views − quiet_converted
};

struct ConversionReport {
  std::vector<std::string> goals;     // every goal name seen, most goal tallies first
  std::vector<KindConversion> kinds;  // largest visits lost first
  std::vector<SilentChurn> silent;    // largest silent churn first
  size_t hidden = 0;                  // groups left out for having fewer than min_views
};

// `goal` "" for every goal seen. A kind is shown only when both its groups (views with, views
// without) hold at least `min_views`; silent churn only over at least `min_views` quiet views.
ConversionReport conversions(const std::vector<OutcomeSums>& sums, const std::string& goal,
                             int64_t min_views);

// The report's row for one problem's step and kind, or nullptr.
const KindConversion* conversionOf(const ConversionReport& report, const std::string& site,
                                   const std::string& step, const std::string& kind);

}  // namespace friction::collector
