// Randomized response, simulated: steps whose true share of visits meeting a kind is known,
// every visit told through randomizedAnswer as the SDK does, estimated back by visitShares as
// the collector does. How close the estimate comes, whether its 95 % margin is honest (the
// interval should cover the truth in about 95 % of runs), and how often the dashboard would
// show the kind as "not detectable" (clamped to 0). A figure printer, not a test.
//
// Kinds are randomized each on its own (anonymise/randomized_response.h), so one kind is
// simulated: the others change nothing in its estimate.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "anonymise/randomized_response.h"
#include "visit_shares.h"

using namespace friction;
using namespace friction::collector;

namespace {

constexpr int kRuns = 1000;  // coverage then has a standard error of 0.7 % (about 10 s)
constexpr FrictionKind kKind = FrictionKind::form_struggle;

struct Figures {
  double mean_share = 0;   // of the unclamped estimates
  double rmse = 0;         // of the share, against the truth
  double mean_margin = 0;  // 1.96 standard errors, as a share
  double coverage = 0;     // runs whose ±1.96 SE interval held the true count
  double shown_zero = 0;   // runs whose clamped count was 0: "not detectable"
};

Figures simulate(double epsilon, int64_t visits, double true_share, uint64_t salt) {
  const auto truly = static_cast<int64_t>(std::llround(true_share * static_cast<double>(visits)));
  const double n = static_cast<double>(visits);
  Figures figures;
  double squared_error = 0;
  for (int run = 0; run < kRuns; ++run) {
    KeyedRandom random(SipKey{salt, static_cast<uint64_t>(run)});  // a fresh key per run
    VisitSums sums;
    sums.site = "bench";
    sums.step = "/checkout";
    sums.epsilon = epsilon;
    sums.visits = visits;
    int64_t said = 0;
    for (int64_t i = 0; i < visits; ++i) said += randomizedAnswer(i < truly, epsilon, random);
    sums.said_met[static_cast<size_t>(kKind)] = said;

    const auto steps = visitShares({sums});
    const auto share = std::find_if(steps[0].met.begin(), steps[0].met.end(),
                                    [](const KindShare& s) { return s.kind == name(kKind); });
    const double estimate = share->estimate, margin = 1.96 * share->standard_error;
    figures.mean_share += estimate / n;
    squared_error += (estimate / n - true_share) * (estimate / n - true_share);
    figures.mean_margin += margin / n;
    figures.coverage += std::abs(estimate - static_cast<double>(truly)) <= margin;
    figures.shown_zero += share->visits_met == 0;
  }
  figures.mean_share /= kRuns;
  figures.rmse = std::sqrt(squared_error / kRuns);
  figures.mean_margin /= kRuns;
  figures.coverage /= kRuns;
  figures.shown_zero /= kRuns;
  return figures;
}

}  // namespace

int main() {
  struct Case {
    const char* label;
    double epsilon;  // as the wire carries it
    int64_t visits;
    double true_share;
  };
  std::vector<Case> cases;
  const std::pair<const char*, double> epsilons[] = {
      {"0.1", 0.1}, {"0.5", 0.5}, {"ln 3", wireEpsilon(kDefaultLdpEpsilon)}, {"2", 2}, {"5", 5}};
  for (const auto& [label, epsilon] : epsilons)
    for (const int64_t visits : {1000, 10000, 100000})
      cases.push_back({label, epsilon, visits, 0.1});
  cases.push_back({"ln 3", wireEpsilon(kDefaultLdpEpsilon), 10000, 0.01});

  std::printf("LDP simulation (tests/bench/ldp_simulation.cpp; ./build/tests/bench/ldp_simulation, "
              "or cmake --build build --target bench): %d runs per line, one visit one "
              "randomized answer, estimated by visitShares\n",
              kRuns);
  std::printf("(coverage: share of runs whose ±1.96 SE interval held the true count, expected "
              "95%% ± %.1f%% from the number of runs; shown 0: the dashboard's clamped share was "
              "0, \"not detectable\")\n",
              100 * 1.96 * std::sqrt(0.95 * 0.05 / kRuns));
  std::printf("  ε    |  visits | true | mean share |  RMSE  | mean ±95%% | coverage | shown 0\n");
  const auto start = std::chrono::steady_clock::now();
  double lowest_coverage = 1, highest_coverage = 0, ln3_margin_10k = 0, low_margin_100k = 0;
  uint64_t salt = 1;
  for (const auto& c : cases) {
    const Figures f = simulate(c.epsilon, c.visits, c.true_share, salt++);
    std::printf("  %-4s | %7lld | %3.0f%% | %9.2f%% | %5.2f%% | %8.2f%% | %7.1f%% | %6.1f%%\n",
                c.label, static_cast<long long>(c.visits), 100 * c.true_share,
                100 * f.mean_share, 100 * f.rmse, 100 * f.mean_margin, 100 * f.coverage,
                100 * f.shown_zero);
    lowest_coverage = std::min(lowest_coverage, f.coverage);
    highest_coverage = std::max(highest_coverage, f.coverage);
    if (c.true_share == 0.1 && c.visits == 10000 && c.epsilon > 1 && c.epsilon < 1.2)
      ln3_margin_10k = f.mean_margin;
    if (c.true_share == 0.1 && c.visits == 100000 && c.epsilon == 0.1)
      low_margin_100k = f.mean_margin;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("reading: the 95%% interval covered the truth in %.1f-%.1f%% of runs (honest "
              "margins); a 10%% share is told ±%.1f%% from 10,000 visits at ln 3, but still "
              "±%.1f%% from 100,000 at ε = 0.1 (%.1f s)\n",
              100 * lowest_coverage, 100 * highest_coverage, 100 * ln3_margin_10k,
              100 * low_margin_100k, seconds);
  return 0;
}
