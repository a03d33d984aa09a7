#include <doctest/doctest.h>

#include <cmath>

#include "anonymise/randomized_response.h"

using namespace friction;

TEST_CASE("epsilon ln 3 tells the truth three times in four") {
  CHECK(truthProbability(kDefaultLdpEpsilon) == doctest::Approx(0.75));
  CHECK(truthProbability(0) == doctest::Approx(0.5));  // a coin toss says nothing
}

TEST_CASE("the keyed random source is uniform, and differs with its seed") {
  KeyedRandom random(SipKey{0x0123456789abcdefULL, 0xfedcba9876543210ULL});
  constexpr int kDraws = 100000;
  int buckets[10] = {};
  double sum = 0;
  bool in_range = true;
  for (int i = 0; i < kDraws && in_range; ++i) {
    const double u = random.uniform();
    in_range = u >= 0 && u < 1;
    sum += u;
    if (in_range) ++buckets[static_cast<int>(u * 10)];
  }
  REQUIRE(in_range);
  CHECK(sum / kDraws == doctest::Approx(0.5).epsilon(0.01));
  for (int count : buckets) CHECK(std::abs(count - kDraws / 10) < 500);  // > 5 sigma away fails

  KeyedRandom a(SipKey{1, 2}), b(SipKey{1, 3});
  int same = 0;
  for (int i = 0; i < 64; ++i) same += a.uniform() == b.uniform();
  CHECK(same == 0);
}

TEST_CASE("randomized answers flip at rate 1 - p") {
  KeyedRandom random(SipKey{42, 7});
  constexpr int kAnswers = 200000;
  int flipped = 0;
  for (int i = 0; i < kAnswers; ++i) flipped += !randomizedAnswer(true, kDefaultLdpEpsilon, random);
  // Binomial(200000, 0.25): standard deviation about 194.
  CHECK(std::abs(flipped - kAnswers / 4) < 1000);
}

TEST_CASE("the estimator inverts randomized response, with an honest standard error") {
  // The formula on a case worked by hand: p = 0.75, n = 100, 40 said yes.
  // t = (40 - 0.25 * 100) / 0.5 = 30; se = sqrt(100 * 0.75 * 0.25) / 0.5 = 8.66.
  const auto worked = estimateTrueCount(40, 100, kDefaultLdpEpsilon);
  CHECK(worked.count == doctest::Approx(30));
  CHECK(worked.standard_error == doctest::Approx(8.660254));

  // Simulated visitors, 18% of whom met the friction: the estimate lands within 3 standard
  // errors of the truth, and raw "yes" answers would have been far off.
  for (const double epsilon : {kDefaultLdpEpsilon, 0.5, 3.0}) {
    KeyedRandom random(SipKey{2026, static_cast<uint64_t>(epsilon * 1000)});
    constexpr int kVisits = 50000;
    int truly = 0, said_yes = 0;
    for (int i = 0; i < kVisits; ++i) {
      const bool met = random.uniform() < 0.18;
      truly += met;
      said_yes += randomizedAnswer(met, epsilon, random);
    }
    const auto estimate = estimateTrueCount(said_yes, kVisits, epsilon);
    CHECK_MESSAGE(std::abs(estimate.count - truly) < 3 * estimate.standard_error, epsilon);
    if (epsilon < 2) CHECK(std::abs(said_yes - truly) > 5 * estimate.standard_error / 2);
  }
}
