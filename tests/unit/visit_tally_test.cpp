// Per-visit tallies through the engine: what a "notice" site counts before the user answers,
// and the denominator of the dashboard's shares.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;
using Json = nlohmann::json;

namespace {

// A rage click, over by the time the engine looks.
void rageClick(Engine& engine, double t) {
  pushRageClick(engine, t);
  engine.drain(t + 2000);
}

Engine shopVisitedWith(const char* consent) {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  REQUIRE(engine.setConsent(consent));
  engine.enterStep("https://shop.example/product/8812?q=secret", 0);
  engine.registerTarget(1, "button", "button#apply", kActionable);
  rageClick(engine, 1000);
  engine.enterStep("https://shop.example/checkout", 5000);
  return engine;
}

Json takeBatch(Engine& engine) {
  const std::string json = takeBatchJson(engine);
  REQUIRE_FALSE(json.empty());
  return Json::parse(json);
}

}  // namespace

TEST_CASE("under counts, a closed visit is a step and the kinds it met, nothing more") {
  Engine engine = shopVisitedWith("counts");
  CHECK(engine.pendingSignals() == 0);  // no signal is even queued
  CHECK(engine.pendingVisits() == 1);   // the product visit closed; checkout is still open
  const Json batch = takeBatch(engine);
  CHECK(batch["signals"].empty());
  CHECK_FALSE(batch.contains("epsilon"));
  REQUIRE(batch["visits"].size() == 1);
  CHECK(batch["visits"][0] == Json{{"step", "/product/:id"}, {"met", {"rage_click"}}});
  CHECK(takeBatchJson(engine).empty());  // sent once

  engine.pageHidden(9000);  // a visit without friction counts too: it is the denominator
  CHECK(takeBatch(engine)["visits"][0] == Json{{"step", "/checkout"}, {"met", Json::array()}});
}

TEST_CASE("a page load tells one tally per step: hidden and shown again, or back on it, adds none") {
  Engine engine = shopVisitedWith("counts");  // the product page, then checkout (open)
  engine.pageHidden(6000);
  engine.pageHidden(6500);  // a second hide (pagehide after visibilitychange) adds nothing
  CHECK(engine.pendingVisits() == 2);
  engine.pageShown();
  engine.pageShown();
  rageClick(engine, 7000);  // met after the return: the checkout's answer was already told
  engine.pageHidden(9000);
  engine.enterStep("https://shop.example/product/77", 10000);  // the same template again
  engine.enterStep("https://shop.example/cart", 11000);        // a new step: a new tally
  engine.pageHidden(12000);
  CHECK(engine.pendingVisits() == 3);
  const Json visits = takeBatch(engine)["visits"];
  REQUIRE(visits.size() == 3);
  CHECK(visits[1] == Json{{"step", "/checkout"}, {"met", Json::array()}});
}

TEST_CASE("tallies go sorted by step, so their order does not tell the path") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  REQUIRE(engine.setConsent("counts"));
  for (const char* step : {"/cart", "/about", "/checkout", "/blog"}) engine.enterStep(step, 0);
  engine.pageHidden(1000);
  std::vector<std::string> steps;
  const Json batch = takeBatch(engine);
  for (const auto& visit : batch["visits"]) steps.push_back(visit["step"]);
  CHECK(steps == std::vector<std::string>{"/about", "/blog", "/cart", "/checkout"});
}

TEST_CASE("with signals consent, batches carry the signals and the visits") {
  Engine engine = shopVisitedWith("signals");
  const Json batch = takeBatch(engine);
  CHECK(batch["signals"].size() == 1);
  CHECK(batch["visits"].size() == 1);
}

TEST_CASE("under none nothing is tallied, and an objection forgets the tallies at once") {
  Engine none = shopVisitedWith("none");
  none.pageHidden(9000);
  CHECK(none.pendingVisits() == 0);
  CHECK(takeBatchJson(none).empty());

  Engine objected = shopVisitedWith("counts");
  rageClick(objected, 6000);  // on the open checkout visit
  REQUIRE(objected.setConsent("none"));
  CHECK(objected.pendingVisits() == 0);
  CHECK(takeBatchJson(objected).empty());
  // Counting again later (a new answer) starts from nothing: the earlier rage click is gone.
  REQUIRE(objected.setConsent("counts"));
  objected.pageHidden(9000);
  CHECK(takeBatch(objected)["visits"][0]["met"].empty());
}

TEST_CASE("a quick back is tallied on the visit it ended") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  REQUIRE(engine.setConsent("counts"));
  engine.enterStep("/", 0);
  engine.enterStep("/product/1234567", 1000);
  engine.enterStep("/", 3000);
  const Json visits = takeBatch(engine)["visits"];
  REQUIRE(visits.size() == 2);
  CHECK(visits[1] == Json{{"step", "/product/:id"}, {"met", {"quick_back"}}});
}

TEST_CASE("local differential privacy: the batch names ε and the answers are randomized") {
  Engine unseeded(EngineConfig{"demo", "", 64});
  CHECK_FALSE(unseeded.enableLdp(kDefaultLdpEpsilon));  // no browser randomness, no answers
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  CHECK_FALSE(engine.enableLdp(0));
  CHECK_FALSE(engine.enableLdp(kMaxLdpEpsilon + 1));
  CHECK(engine.ldpEpsilon() == 0);
  REQUIRE(engine.enableLdp(kDefaultLdpEpsilon));
  REQUIRE(engine.setConsent("counts"));

  // 400 steps (one tally each) that met nothing: about a quarter of the answers for each kind
  // say "yes".
  constexpr int kVisits = 400;
  for (int i = 0; i < kVisits; ++i) {
    const std::string step = {'/', char('a' + i % 20), char('a' + i / 20)};
    engine.enterStep(step, i * 10.0);
  }
  engine.pageHidden(kVisits * 10.0);
  int said_yes = 0, reports = 0, dropped = 0;
  for (std::string json; !(json = takeBatchJson(engine)).empty();) {
    const Json batch = Json::parse(json);
    CHECK(batch["epsilon"] == doctest::Approx(1.0986));
    dropped += batch["dropped"].get<int>();
    for (const auto& visit : batch["visits"]) {
      ++reports;
      said_yes += static_cast<int>(visit["met"].size());
    }
  }
  // Some visits do not fit the bounded queue between batches; they are counted as dropped.
  CHECK(reports == static_cast<int>(VisitTallies::kCapacity));
  CHECK(reports + dropped == kVisits);
  const int answers = reports * static_cast<int>(kFrictionKindCount);
  CHECK(std::abs(said_yes - answers / 4) < 4 * std::sqrt(answers * 0.1875));
}

TEST_CASE("every batch has its own random id, and no batch is made without browser randomness") {
  Engine engine = shopVisitedWith("counts");
  const std::string first = takeBatch(engine)["id"];
  engine.pageHidden(9000);
  const std::string second = takeBatch(engine)["id"];
  CHECK(first.size() == 32);
  CHECK(first.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(first != second);

  Engine unseeded(EngineConfig{"demo", "", 64});
  REQUIRE(unseeded.setConsent("signals"));
  unseeded.enterStep("/", 0);
  unseeded.pageHidden(1000);
  CHECK(takeBatchJson(unseeded).empty());
}
