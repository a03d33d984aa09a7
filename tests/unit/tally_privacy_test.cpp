// What randomized response on the tallies promises, held against what the engine sends: one
// answer per page load and step however often the visitor comes back, and noise only on what
// leaves without their agreement (anonymise/randomized_response.h has the accounting).
#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;
using Json = nlohmann::json;

namespace {

// A different 128-bit browser seed for each simulated page load.
std::string seedFor(int page_load) {
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016x%016x", 0x5eed0000u + page_load, 0xc0ffeeu * page_load + 1);
  return hex;
}

Engine ldpEngine(const std::string& seed, const char* consent) {
  Engine engine(EngineConfig{"demo", "", 64, seed, 1.7e12});
  REQUIRE(engine.enableLdp(kDefaultLdpEpsilon));
  REQUIRE(engine.setConsent(consent));
  engine.registerTarget(1, "button", "button#pay", kActionable);
  return engine;
}

// Every tally of every batch the engine has, with each batch's ε.
struct Told {
  std::string step;
  bool rage_click;
  double epsilon;
};
std::vector<Told> takeAllTallies(Engine& engine) {
  std::vector<Told> told;
  for (std::string json; !(json = takeBatchJson(engine)).empty();) {
    const Json batch = Json::parse(json);
    const double epsilon = batch.value("epsilon", 0.0);
    for (const auto& visit : batch["visits"]) {
      bool rage = false;
      for (const auto& kind : visit["met"]) rage = rage || kind == "rage_click";
      told.push_back({visit["step"], rage, epsilon});
    }
  }
  return told;
}

}  // namespace

TEST_CASE("twenty returns to a step where the visitor met friction tell one answer, not twenty") {
  // One person keeps coming back to the tab with a broken pay button and rage-clicks it each
  // time. Were each return a new randomised tally, a majority vote over them would reveal the
  // truth almost surely (20 answers true 75 % of the time: right 99 % of the time). With one
  // answer per page load and step, the vote is right only as often as one answer: 75 %.
  constexpr int kPageLoads = 600;
  constexpr int kReturns = 20;
  int majority_right = 0;
  for (int page_load = 0; page_load < kPageLoads; ++page_load) {
    Engine engine = ldpEngine(seedFor(page_load), "counts");
    engine.enterStep("/checkout", 0);
    std::vector<Told> told;
    for (int visit = 0; visit < kReturns; ++visit) {
      const double t = visit * 60000.0;  // a minute apart, past any cooldown
      engine.pageShown();
      pushRageClick(engine, t + 1000);
      engine.drain(t + 5000);
      engine.pageHidden(t + 6000);
      for (const auto& tally : takeAllTallies(engine)) told.push_back(tally);  // sent on hide
    }
    REQUIRE_FALSE(told.empty());
    CHECK(told.size() == 1);
    CHECK(told[0].step == "/checkout");
    CHECK(told[0].epsilon == doctest::Approx(1.0986));
    int yes = 0;
    for (const auto& tally : told) yes += tally.rage_click;
    majority_right += 2 * yes > static_cast<int>(told.size());
  }
  const double right = static_cast<double>(majority_right) / kPageLoads;
  MESSAGE("majority vote right in " << right * 100 << " % of " << kPageLoads << " page loads");
  // p = 0.75; four standard errors of 600 draws is 0.07.
  CHECK(right == doctest::Approx(0.75).epsilon(0.1));
  CHECK(right < 0.85);
}

TEST_CASE("noise only where it protects: tallies under counts are randomised, under signals exact") {
  int counts_wrong = 0, signals_wrong = 0;
  for (int page_load = 0; page_load < 200; ++page_load) {
    for (const char* consent : {"counts", "signals"}) {
      Engine engine = ldpEngine(seedFor(page_load), consent);
      engine.enterStep("/checkout", 0);
      pushRageClick(engine, 1000);
      engine.drain(5000);
      engine.pageHidden(6000);
      const auto told = takeAllTallies(engine);
      REQUIRE(told.size() == 1);
      const bool counts = consent == std::string("counts");
      // The batch names ε only when its tallies were randomised with it.
      CHECK(told[0].epsilon == (counts ? doctest::Approx(1.0986) : doctest::Approx(0)));
      (counts ? counts_wrong : signals_wrong) += !told[0].rage_click;
    }
  }
  CHECK(signals_wrong == 0);  // the rage click leaves as a signal anyway: the tally is exact
  CHECK(counts_wrong > 20);   // about a quarter of 200
}

TEST_CASE("a visitor who accepts mid-page: tallies told before go randomised, after exact, apart") {
  Engine engine = ldpEngine(kTestSeed, "counts");
  engine.enterStep("/product/1234567", 0);
  engine.enterStep("/cart", 1000);  // the product page's tally is told, randomised
  REQUIRE(engine.setConsent("signals"));
  engine.enterStep("/checkout", 2000);  // the cart's is told after the yes: exact
  engine.pageHidden(3000);
  std::vector<Json> batches;
  for (std::string json; !(json = takeBatchJson(engine)).empty();) batches.push_back(Json::parse(json));
  REQUIRE(batches.size() == 2);  // one ε a batch
  CHECK(batches[0]["epsilon"] == doctest::Approx(1.0986));
  REQUIRE(batches[0]["visits"].size() == 1);
  CHECK(batches[0]["visits"][0]["step"] == "/product/:id");
  CHECK_FALSE(batches[1].contains("epsilon"));
  REQUIRE(batches[1]["visits"].size() == 2);
  // Exact, with whether help was asked (told only in exact tallies).
  CHECK(batches[1]["visits"][0] == Json{{"step", "/cart"}, {"met", Json::array()}, {"help", false}});
  CHECK(batches[1]["visits"][1] ==
        Json{{"step", "/checkout"}, {"met", Json::array()}, {"help", false}});
}
