#include "conversion.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "anonymise/randomized_response.h"
#include "visit_shares.h"

namespace friction::collector {
namespace {

// One site's step: its views' tallies, and each goal's tallies, per ε.
struct StepStreams {
  std::vector<const OutcomeSums*> views;
  std::map<std::string, std::vector<const OutcomeSums*>> goals;
};

VisitSums asVisitSums(const OutcomeSums& sums) {
  VisitSums out;
  out.site = sums.site;
  out.step = sums.step;
  out.epsilon = sums.epsilon;
  out.visits = sums.views;
  out.said_met = sums.said_met;
  return out;
}

// The estimator of visit_shares.h over one stream: per kind, the combined (unclamped) count.
StepShares sharesOf(const std::vector<const OutcomeSums*>& stream) {
  std::vector<VisitSums> sums;
  for (const auto* row : stream) sums.push_back(asVisitSums(*row));
  auto shares = visitShares(sums, 1);
  return shares.empty() ? StepShares{} : std::move(shares.front());
}

double countOf(const StepShares& shares, std::string_view kind) {
  for (const auto& met : shares.met)
    if (met.kind == kind) return met.estimate;
  return 0;
}

// q = p(1−p)/(2p−1)², the variance one randomized answer adds to an estimated count; 0 exact.
double answerVariance(double epsilon) {
  if (epsilon <= 0) return 0;
  const double p = truthProbability(epsilon);
  return p * (1 - p) / ((2 * p - 1) * (2 * p - 1));
}

// Views per ε group of the views' stream, and of the goal's.
struct GroupViews {
  double views = 0, goal_views = 0;
};

void fill(KindConversion& row, double n, double m, double v, double g,
          const std::map<double, GroupViews>& groups) {
  row.views_with = v;
  row.views_without = n - v;
  const double c1 = std::clamp(g / v, 0.0, 1.0);
  const double c0 = std::clamp((m - g) / (n - v), 0.0, 1.0);
  row.converted_with = c1;
  row.converted_without = c0;
  row.difference = c1 - c0;
  double variance = c1 * (1 - c1) / v + c0 * (1 - c0) / (n - v);
  for (const auto& [epsilon, group] : groups) {
    const double q = answerVariance(epsilon);
    if (q == 0) continue;
    const double goal = group.goal_views, other = group.views - group.goal_views;
    const double var1 = q * (goal * (1 - c1) * (1 - c1) + other * c1 * c1) / (v * v);
    const double var0 = q * (goal * (1 - c0) * (1 - c0) + other * c0 * c0) / ((n - v) * (n - v));
    const double cov = -q * (goal * (1 - c1) * (1 - c0) + other * c1 * c0) / (v * (n - v));
    variance += var1 + var0 - 2 * cov;
  }
  row.difference_se = std::sqrt(std::max(0.0, variance));
  row.low = row.difference - kZ95 * row.difference_se;
  row.high = row.difference + kZ95 * row.difference_se;
  row.visits_lost = -row.difference * v;
  row.visits_lost_low = -row.high * v;
  row.visits_lost_high = -row.low * v;
}

}  // namespace

ConversionReport conversions(const std::vector<OutcomeSums>& sums, const std::string& goal,
                             int64_t min_views) {
  ConversionReport report;
  std::map<std::pair<std::string, std::string>, StepStreams> steps;
  std::map<std::string, int64_t> goal_tallies;
  std::map<std::string, std::set<std::string>> site_goals;  // a step no goal followed still counts
  for (const auto& row : sums) {
    // As in visit_shares: an ε no estimate can use is left out.
    if (row.epsilon != 0 && !isUsableLdpEpsilon(row.epsilon)) continue;
    auto& streams = steps[{row.site, row.step}];
    if (row.goal.empty()) {
      streams.views.push_back(&row);
    } else {
      goal_tallies[row.goal] += row.views;
      if (!goal.empty() && row.goal != goal) continue;
      site_goals[row.site].insert(row.goal);
      streams.goals[row.goal].push_back(&row);
    }
  }
  for (const auto& [name, count] : goal_tallies) report.goals.push_back(name);
  std::stable_sort(report.goals.begin(), report.goals.end(),
                   [&](const std::string& a, const std::string& b) {
                     return goal_tallies[a] > goal_tallies[b];
                   });

  for (auto& [site_step, streams] : steps) {
    if (streams.views.empty()) continue;
    const StepShares views = sharesOf(streams.views);
    int64_t quiet_views = 0;
    for (const auto* row : streams.views)
      if (row->epsilon == 0) quiet_views += row->quiet;
    for (const auto& goal_name : site_goals[site_step.first]) {
      const auto found = streams.goals.find(goal_name);
      const std::vector<const OutcomeSums*> goal_stream =
          found == streams.goals.end() ? std::vector<const OutcomeSums*>{} : found->second;
      const StepShares reached = sharesOf(goal_stream);
      std::map<double, GroupViews> groups;
      for (const auto* row : streams.views) groups[row->epsilon].views += row->views;
      for (const auto* row : goal_stream) groups[row->epsilon].goal_views += row->views;
      const double n = static_cast<double>(views.visits), m = static_cast<double>(reached.visits);
      for (size_t k = 0; k < kFrictionKindCount; ++k) {
        const std::string_view kind = kFrictionKindNames[k];
        const double v = countOf(views, kind), g = countOf(reached, kind);
        if (v <= 0 && g <= 0) continue;  // never met here: nothing to compare
        if (v < static_cast<double>(min_views) || n - v < static_cast<double>(min_views)) {
          ++report.hidden;
          continue;
        }
        KindConversion row{site_step.first, site_step.second, std::string(kind), goal_name};
        row.estimated = views.estimated || reached.estimated;
        fill(row, n, m, v, g, groups);
        report.kinds.push_back(std::move(row));
      }
      int64_t quiet_converted = 0;
      for (const auto* row : goal_stream)
        if (row->epsilon == 0) quiet_converted += row->quiet;
      if (quiet_views == 0) continue;
      if (quiet_views < min_views) {
        ++report.hidden;
        continue;
      }
      report.silent.push_back({site_step.first, site_step.second, goal_name, quiet_views,
                               quiet_converted, quiet_views - quiet_converted});
    }
  }
  std::stable_sort(report.kinds.begin(), report.kinds.end(),
                   [](const KindConversion& a, const KindConversion& b) {
                     return a.visits_lost > b.visits_lost;
                   });
  std::stable_sort(report.silent.begin(), report.silent.end(),
                   [](const SilentChurn& a, const SilentChurn& b) {
                     return a.silent_churn > b.silent_churn;
                   });
  return report;
}

const KindConversion* conversionOf(const ConversionReport& report, const std::string& site,
                                   const std::string& step, const std::string& kind) {
  for (const auto& row : report.kinds)
    if (row.site == site && row.step == step && row.kind == kind) return &row;
  return nullptr;
}

}  // namespace friction::collector
