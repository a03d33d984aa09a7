// Every site has a "/": the shares of one site's step are computed from that site's tallies
// alone, stored and read back through the collector's database, exact or randomized.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "anonymise/randomized_response.h"
#include "kit/test_batch_id.h"
#include "signal_store.h"
#include "visit_shares.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;

namespace {

struct TempStore {
  fs::path path = fs::temp_directory_path() / ("friction-shares-sites-" + std::to_string(getpid()) +
                                               "-" + testBatchId() + ".db");
  std::unique_ptr<SignalStore> store;
  TempStore() {
    std::string error;
    store = SignalStore::open(path.string(), error);
    REQUIRE_MESSAGE(store, error);
  }
  ~TempStore() {
    store.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
  }
  void add(const ReceivedBatch& batch) {
    std::string error;
    REQUIRE_MESSAGE(store->storeBatch(batch, 1000, error) == SignalStore::Stored::stored, error);
  }
};

ReceivedBatch batchOf(const std::string& site, double epsilon) {
  ReceivedBatch batch;
  batch.id = testBatchId();
  batch.site = site;
  batch.sdk = "0.1.0";
  batch.epsilon = epsilon;
  return batch;
}

const StepShares& stepOf(const std::vector<StepShares>& steps, const std::string& site) {
  for (const auto& step : steps)
    if (step.site == site) return step;
  FAIL("no step for site " << site);
  return steps.front();
}

// The kind's share of the step as listed, or nullptr when not listed.
const KindShare* shareOf(const StepShares& step, FrictionKind kind) {
  for (const auto& share : step.met)
    if (share.kind == name(kind)) return &share;
  return nullptr;
}

}  // namespace

TEST_CASE("visit shares: two sites' \"/\" counted apart when exact") {
  TempStore db;
  // Site a: 100 visits, 30 met a rage click. Site b: 50 visits, 10 met a dead click.
  ReceivedBatch a = batchOf("a", 0), b = batchOf("b", 0);
  for (int i = 0; i < 100; ++i)
    a.visits.push_back({"/", i < 30 ? std::vector<std::string>{"rage_click"}
                                    : std::vector<std::string>{}});
  for (int i = 0; i < 50; ++i)
    b.visits.push_back({"/", i < 10 ? std::vector<std::string>{"dead_click"}
                                    : std::vector<std::string>{}});
  db.add(a);
  db.add(b);

  const auto steps = visitShares(db.store->visitSums());
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].site == "a");  // most visits first
  CHECK(steps[1].site == "b");
  for (const auto& step : steps) CHECK(step.step == "/");
  CHECK(steps[0].visits == 100);
  CHECK(steps[1].visits == 50);
  REQUIRE(steps[0].met.size() == 1);
  CHECK(steps[0].met[0].kind == "rage_click");
  CHECK(steps[0].met[0].visits_met == 30);
  REQUIRE(steps[1].met.size() == 1);
  CHECK(steps[1].met[0].kind == "dead_click");
  CHECK(steps[1].met[0].visits_met == 10);
}

TEST_CASE("visit shares: two sites' \"/\" estimated apart when randomized") {
  TempStore db;
  const double epsilon = wireEpsilon(kDefaultLdpEpsilon);
  KeyedRandom random(SipKey{13, 17});
  // Site a: 4,000 visits, 30% met a rage click. Site b: 2,000 visits, 20% met a dead click.
  struct Site {
    std::string name;
    int visits;
    FrictionKind kind;
    int truly;
  };
  const Site sites[] = {{"a", 4000, FrictionKind::rage_click, 1200},
                        {"b", 2000, FrictionKind::dead_click, 400}};
  for (const auto& site : sites) {
    ReceivedBatch batch = batchOf(site.name, epsilon);
    for (int i = 0; i < site.visits; ++i) {
      ReceivedVisit told{"/", {}};
      for (size_t k = 0; k < kFrictionKindCount; ++k) {
        const bool met = static_cast<FrictionKind>(k) == site.kind && i < site.truly;
        if (randomizedAnswer(met, epsilon, random)) told.met.emplace_back(kFrictionKindNames[k]);
      }
      batch.visits.push_back(std::move(told));
      if (batch.visits.size() == 500) {
        db.add(batch);
        batch = batchOf(site.name, epsilon);
      }
    }
  }

  const auto steps = visitShares(db.store->visitSums());
  REQUIRE(steps.size() == 2);
  for (const auto& site : sites) {
    CAPTURE(site.name);
    const StepShares& step = stepOf(steps, site.name);
    CHECK(step.visits == site.visits);
    CHECK(step.estimated);
    const double standard_error =
        estimateTrueCount(0, site.visits, epsilon).standard_error;  // the same for every kind
    for (size_t k = 0; k < kFrictionKindCount; ++k) {
      const auto kind = static_cast<FrictionKind>(k);
      CAPTURE(name(kind));
      const KindShare* share = shareOf(step, kind);
      const double truth = kind == site.kind ? site.truly : 0;
      // The kind each site's visitors met never vanishes; the others are near 0.
      if (truth > 0) REQUIRE(share);
      const double estimate = share ? share->visits_met : 0;
      CHECK(std::abs(estimate - truth) < 4 * standard_error);
    }
  }
}
