// What friction costs in conversions (demo/collector/conversion.h): simulated views with known
// truth, told exact or through randomized response as the SDK tells them, goal tallies repeating
// their view's answer; the estimates must land within 4 standard errors of the truth.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <string>

#include "anonymise/randomized_response.h"
#include "conversion.h"
#include "kit/test_batch_id.h"
#include "sqlite_retention.h"
#include "signal_store.h"

using namespace friction;
using namespace friction::collector;

namespace {

constexpr size_t kRage = static_cast<size_t>(FrictionKind::rage_click);

struct Truth {
  int views = 20000;
  double met = 0.3;              // share of views that meet a rage click
  double converted_with = 0.2;   // of them, followed by the goal
  double converted_without = 0.35;
};

// The sums the store would hold for one step: the views' tallies, and the goal tallies.
std::vector<OutcomeSums> simulate(const Truth& truth, double epsilon, uint32_t seed,
                                  double* true_with = nullptr) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  OutcomeSums views{"shop", "/checkout", "", epsilon};
  OutcomeSums goals{"shop", "/checkout", "purchase", epsilon};
  const double p = epsilon > 0 ? truthProbability(epsilon) : 1;
  int with = 0;
  for (int i = 0; i < truth.views; ++i) {
    const bool met = uniform(random) < truth.met;
    with += met;
    const bool said = uniform(random) < p ? met : !met;  // told once, repeated as told
    const bool converted =
        uniform(random) < (met ? truth.converted_with : truth.converted_without);
    ++views.views;
    views.said_met[kRage] += said;
    if (!converted) continue;
    ++goals.views;
    goals.said_met[kRage] += said;
  }
  if (true_with) *true_with = with;
  return {views, goals};
}

void checkWithinFourSe(double epsilon, uint32_t seed) {
  const Truth truth;
  double with = 0;
  const auto report = conversions(simulate(truth, epsilon, seed, &with), "", 5);
  REQUIRE(report.kinds.size() == 1);
  const auto& row = report.kinds[0];
  CHECK(row.kind == "rage_click");
  CHECK(row.goal == "purchase");
  CHECK(row.estimated == (epsilon > 0));
  const double true_difference = truth.converted_with - truth.converted_without;
  CHECK(row.difference_se > 0);
  CHECK(std::abs(row.difference - true_difference) < 4 * row.difference_se);
  CHECK(row.low < row.difference);
  CHECK(row.high > row.difference);
  CHECK(row.visits_lost == doctest::Approx(-row.difference * row.views_with));
  if (epsilon == 0) CHECK(row.views_with == with);
  // Roughly the truth in views too: 4 standard errors of a count of randomized answers.
  const double count_se = epsilon > 0 ? estimateTrueCount(0, truth.views, epsilon).standard_error
                                      : 0;
  CHECK(std::abs(row.views_with - with) <= 4 * count_se + 1e-9);
}

}  // namespace

TEST_CASE("conversion: exact tallies, the difference within 4 SE of the truth") {
  for (uint32_t seed : {1u, 2u, 3u}) checkWithinFourSe(0, seed);
}

TEST_CASE("conversion: randomized tallies (ln 3, and 0.5), within 4 SE of the truth") {
  for (uint32_t seed : {4u, 5u, 6u}) checkWithinFourSe(1.0986, seed);
  checkWithinFourSe(0.5, 7);
}

TEST_CASE("conversion: the standard error covers the truth about 95% of the time") {
  // 200 repetitions of a smaller site: the 95% interval should miss the truth about 10 times.
  Truth truth;
  truth.views = 3000;
  int missed = 0;
  for (uint32_t seed = 100; seed < 300; ++seed) {
    const auto report = conversions(simulate(truth, 1.0986, seed), "", 5);
    REQUIRE(report.kinds.size() == 1);
    const double true_difference = truth.converted_with - truth.converted_without;
    if (true_difference < report.kinds[0].low || true_difference > report.kinds[0].high) ++missed;
  }
  MESSAGE("95% interval missed the true difference in " << missed << " of 200 runs");
  CHECK(missed <= 22);  // 10 expected; 22 is past 3.5 binomial standard deviations
}

TEST_CASE("conversion: groups under the minimum are hidden, and a goal can be chosen") {
  Truth truth;
  truth.views = 40;
  truth.met = 0.05;  // about 2 views with the kind: below 5
  auto sums = simulate(truth, 0, 9);
  auto report = conversions(sums, "", 5);
  CHECK(report.kinds.empty());
  CHECK(report.hidden == 1);
  report = conversions(sums, "", 1);
  CHECK(report.kinds.size() == (sums[0].said_met[kRage] >= 1 ? 1u : 0u));
  CHECK(conversions(sums, "signup", 1).kinds.empty());
  CHECK(conversions(sums, "", 1).goals == std::vector<std::string>{"purchase"});
}

TEST_CASE("conversion: silent churn counts exact quiet views not followed by the goal") {
  std::vector<OutcomeSums> sums = {
      {"shop", "/pay", "", 0, 50, 12, {}},
      {"shop", "/pay", "purchase", 0, 20, 4, {}},
      {"shop", "/pay", "", 1.0986, 500, 0, {}},  // randomized: never tells help
  };
  const auto report = conversions(sums, "", 5);
  REQUIRE(report.silent.size() == 1);
  CHECK(report.silent[0].quiet_views == 12);
  CHECK(report.silent[0].quiet_converted == 4);
  CHECK(report.silent[0].silent_churn == 8);
  CHECK(conversions(sums, "", 13).silent.empty());
}

TEST_CASE("conversion: stored per day through the signal store, goal tallies apart") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("friction-conversion-test-" + std::to_string(getpid()) + ".db");
  {
    std::string error;
    auto store = SignalStore::open(path.string(), error);
    REQUIRE_MESSAGE(store, error);
    ReceivedBatch batch;
    batch.id = testBatchId();
    batch.site = "shop";
    batch.sdk = "0.1.0";
    batch.visits = {{"/pay", {"rage_click"}, 0, ""},
                    {"/pay", {"rage_click"}, 0, "purchase"},
                    {"/pay", {}, 1, ""},
                    {"/pay", {}, -1, ""}};
    const int64_t day_ms = 86400000;
    REQUIRE(store->storeBatch(batch, 20000 * day_ms + 5, error) == SignalStore::Stored::stored);
    // The goal tally is not another view in the shares.
    const auto visit_sums = store->visitSums();
    REQUIRE(visit_sums.size() == 1);
    CHECK(visit_sums[0].visits == 3);
    auto sums = store->outcomeSums(20000, 20001, "shop");
    REQUIRE(sums.size() == 2);
    CHECK(sums[0].goal == "");
    CHECK(sums[0].views == 3);
    CHECK(sums[0].quiet == 1);
    CHECK(sums[0].said_met[kRage] == 1);
    CHECK(sums[1].goal == "purchase");
    CHECK(sums[1].views == 1);
    CHECK(sums[1].quiet == 1);
    CHECK(store->outcomeSums(20001, 20002, "").empty());
    CHECK(store->outcomeSums(20000, 20001, "other").empty());
  }
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path.string() + suffix, ignored);
}

TEST_CASE("conversion: a day read by a view is read again after a batch or retention changes it") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("friction-conversion-days-" + std::to_string(getpid()) + ".db");
  {
    std::string error;
    auto store = SignalStore::open(path.string(), error);
    REQUIRE_MESSAGE(store, error);
    const int64_t day_ms = 86400000;
    const auto storeVisits = [&](int64_t day, int count) {
      ReceivedBatch batch;
      batch.id = testBatchId();
      batch.site = "shop";
      batch.sdk = "0.1.0";
      for (int i = 0; i < count; ++i) batch.visits.push_back({"/pay", {"rage_click"}, 0, ""});
      REQUIRE(store->storeBatch(batch, day * day_ms + 5, error) == SignalStore::Stored::stored);
    };
    const auto viewsOver = [&](int64_t from, int64_t to) {
      const auto sums = store->outcomeSums(from, to, "");
      return sums.empty() ? int64_t{0} : sums.at(0).views;
    };
    storeVisits(20000, 2);
    storeVisits(20001, 3);
    CHECK(viewsOver(20000, 20002) == 5);
    storeVisits(20000, 4);  // a day the view has read
    CHECK(viewsOver(20000, 20002) == 9);
    CHECK(viewsOver(20000, 20001) == 6);
    sqlite3* other = nullptr;  // retention runs on a connection of its own
    REQUIRE(sqlite3_open(path.string().c_str(), &other) == SQLITE_OK);
    CHECK(deleteStoredBefore(other, 20001 * day_ms, error) >= 0);
    CHECK(viewsOver(20000, 20002) == 3);
    CHECK(deleteStoredBefore(other, 20002 * day_ms, error) >= 0);
    CHECK(store->outcomeSums(20000, 20002, "").empty());
    sqlite3_close(other);
  }
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path.string() + suffix, ignored);
}
