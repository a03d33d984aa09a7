// From summed tallies to shares: exact visits counted, randomized ones estimated, and groups
// told with different ε combined so that none can swamp the others' margin.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "anonymise/randomized_response.h"
#include "visit_shares.h"

using namespace friction;
using namespace friction::collector;

namespace {

constexpr double kLn3 = 1.0986;  // as the wire carries it

VisitSums group(double epsilon, int64_t visits, FrictionKind kind, int64_t said_met) {
  VisitSums sums;
  sums.site = "demo";
  sums.step = "/checkout";
  sums.epsilon = epsilon;
  sums.visits = visits;
  sums.said_met[static_cast<size_t>(kind)] = said_met;
  return sums;
}

const KindShare& shareOf(const StepShares& step, FrictionKind kind) {
  for (const auto& share : step.met)
    if (share.kind == name(kind)) return share;
  FAIL("kind not listed: " << name(kind));
  return step.met.front();
}

}  // namespace

TEST_CASE("visit shares: one randomized group gives estimateTrueCount's answer exactly") {
  const auto steps = visitShares({group(kLn3, 3000, FrictionKind::form_struggle, 1200)});
  REQUIRE(steps.size() == 1);
  const auto expected = estimateTrueCount(1200, 3000, kLn3);
  const KindShare& share = shareOf(steps[0], FrictionKind::form_struggle);
  CHECK(share.estimate == doctest::Approx(expected.count).epsilon(1e-12));
  CHECK(share.standard_error == doctest::Approx(expected.standard_error).epsilon(1e-12));
}

TEST_CASE("visit shares: exact visits are counted, randomized ones estimated, and added") {
  // 500 exact visits, 100 of them with a form struggle; 3,000 randomized at ln 3.
  const auto steps = visitShares({group(0, 500, FrictionKind::form_struggle, 100),
                                  group(kLn3, 3000, FrictionKind::form_struggle, 1200)});
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].visits == 3500);
  CHECK(steps[0].estimated);
  const auto randomized = estimateTrueCount(1200, 3000, kLn3);
  const KindShare& share = shareOf(steps[0], FrictionKind::form_struggle);
  CHECK(share.estimate == doctest::Approx(100 + randomized.count));
  CHECK(share.standard_error == doctest::Approx(randomized.standard_error));
}

TEST_CASE("visit shares: one small batch at a low ε does not swamp a step's margin") {
  const auto alone = visitShares({group(kLn3, 10000, FrictionKind::form_struggle, 3500)});
  const auto with_batch = visitShares({group(kLn3, 10000, FrictionKind::form_struggle, 3500),
                                       group(0.1, 100, FrictionKind::form_struggle, 50)});
  REQUIRE(alone.size() == 1);
  REQUIRE(with_batch.size() == 1);
  const KindShare& before = shareOf(alone[0], FrictionKind::form_struggle);
  const KindShare& after = shareOf(with_batch[0], FrictionKind::form_struggle);
  // The margin of the share (what the dashboard shows) stays within 1 %. Summing the groups'
  // estimates instead gave a standard error of 132 visits against 87: 1.53 times as wide.
  const double share_margin_before = before.standard_error / 10000;
  const double share_margin_after = after.standard_error / 10100;
  CHECK(std::abs(share_margin_after / share_margin_before - 1) < 0.01);
  CHECK(after.standard_error < 1.02 * before.standard_error);
  // And the share itself barely moves from 20 % at ln 3 (3,500 of 10,000 said yes).
  CHECK(std::abs(after.estimate / 10100 - before.estimate / 10000) < 0.001);
}

TEST_CASE("visit shares: an estimated step lists every kind, unclamped and clamped") {
  // Fewer said yes than chance alone would make: an estimate below 0.
  VisitSums sums = group(kLn3, 1000, FrictionKind::form_struggle, 450);
  for (size_t k = 0; k < kFrictionKindCount; ++k)
    if (static_cast<FrictionKind>(k) != FrictionKind::form_struggle) sums.said_met[k] = 200;
  const auto steps = visitShares({sums});
  REQUIRE(steps.size() == 1);
  REQUIRE(steps[0].met.size() == kFrictionKindCount);
  CHECK(steps[0].met[0].kind == "form_struggle");  // most visits first
  CHECK(steps[0].met[0].visits_met == doctest::Approx(estimateTrueCount(450, 1000, kLn3).count));
  const double below_chance = estimateTrueCount(200, 1000, kLn3).count;  // about -100
  REQUIRE(below_chance < 0);
  for (size_t i = 1; i < steps[0].met.size(); ++i) {
    const KindShare& share = steps[0].met[i];
    CAPTURE(share.kind);
    CHECK(share.estimate == doctest::Approx(below_chance));
    CHECK(share.visits_met == 0);
    CHECK_FALSE(share.detectable());
    CHECK(share.standard_error > 0);
  }
}

TEST_CASE("visit shares: an exact step lists only the kinds met, with no margin") {
  const auto steps = visitShares({group(0, 40, FrictionKind::dead_click, 4)});
  REQUIRE(steps.size() == 1);
  CHECK_FALSE(steps[0].estimated);
  REQUIRE(steps[0].met.size() == 1);
  CHECK(steps[0].met[0].kind == "dead_click");
  CHECK(steps[0].met[0].visits_met == 4);
  CHECK(steps[0].met[0].estimate == 4);
  CHECK(steps[0].met[0].standard_error == 0);
}

TEST_CASE("visit shares: a kind counted exactly is never shown below its count") {
  // 40 exact visits met a rage click; the randomized part of the step says fewer yes than
  // noise alone would: its estimate is negative, yet the 40 counted stay.
  const auto steps = visitShares({group(0, 200, FrictionKind::rage_click, 40),
                                  group(kLn3, 1000, FrictionKind::rage_click, 200)});
  REQUIRE(steps.size() == 1);
  const KindShare& share = shareOf(steps[0], FrictionKind::rage_click);
  CHECK(share.estimate < 40);           // unclamped: 40 + (200 - 250) / 0.5 = -60
  CHECK(share.visits_met == 40);        // shown: at least what was counted
  CHECK(share.detectable());
}
