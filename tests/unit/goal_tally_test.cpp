// Goal tallies (signals/told_tallies.h): once the tab reaches the site's goal, each tally it told
// before goes again, marked with the goal, with the very answer first told.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;
using Json = nlohmann::json;

namespace {

Engine newEngine(const char* consent, double epsilon = 0) {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  if (epsilon > 0) REQUIRE(engine.enableLdp(epsilon));
  REQUIRE(engine.setConsent(consent));
  engine.registerTarget(1, "button", "button#apply", kActionable);
  return engine;
}

void rageClick(Engine& engine, double t) {
  pushRageClick(engine, t);
  engine.drain(t + 2000);
}

// Every visits entry of every batch waiting, in order.
Json takeVisits(Engine& engine) {
  Json visits = Json::array();
  for (std::string json = takeBatchJson(engine); !json.empty(); json = takeBatchJson(engine)) {
    const Json batch = Json::parse(json);
    for (const auto& visit : batch["visits"]) visits.push_back(visit);
  }
  return visits;
}

Json withGoal(const Json& visits, bool goal) {
  Json out = Json::array();
  for (const auto& visit : visits)
    if (visit.contains("goal") == goal) out.push_back(visit);
  return out;
}

Json without(Json visit, const char* key) {
  visit.erase(key);
  return visit;
}

}  // namespace

TEST_CASE("a route goal re-sends the earlier views' tallies marked, with the same kinds") {
  Engine engine = newEngine("signals");
  REQUIRE(engine.setGoalRoute("/order/:id/thanks", "purchase"));
  engine.enterStep("/product/12", 0);
  rageClick(engine, 1000);
  engine.enterStep("/checkout", 5000);
  const Json told = takeVisits(engine);  // sent before the goal: the product view
  REQUIRE(told.size() == 1);
  CHECK(told[0] == Json{{"step", "/product/:id"}, {"met", {"rage_click"}}, {"help", false}});

  engine.helpAsked();
  engine.enterStep("/order/8812/thanks", 9000);
  CHECK(engine.step() == "/order/:id/thanks");
  engine.pageHidden(10000);
  const Json visits = takeVisits(engine);
  const Json goals = withGoal(visits, true);
  REQUIRE(goals.size() == 2);  // product and checkout; never the goal step's own
  CHECK(goals[0] == Json{{"step", "/checkout"}, {"met", Json::array()}, {"help", true},
                         {"goal", "purchase"}});
  CHECK(without(goals[1], "goal") == told[0]);
  CHECK(goals[1]["goal"] == "purchase");
  // The views' own: checkout, and the thanks page, unmarked.
  CHECK(withGoal(visits, false).size() == 2);
}

TEST_CASE("goal() marks what came before and the open view, each at most once") {
  Engine engine = newEngine("signals");
  engine.enterStep("/cart", 0);
  engine.enterStep("/pay", 1000);
  CHECK(engine.goal("purchase"));
  engine.enterStep("/account", 2000);  // told after the goal: not marked by it
  engine.pageHidden(3000);
  Json goals = withGoal(takeVisits(engine), true);
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["step"] == "/cart");
  CHECK(goals[1]["step"] == "/pay");  // open at the goal: marked when it closed

  CHECK(engine.goal("purchase"));  // a second purchase marks only what was told since
  engine.pageHidden(4000);
  goals = withGoal(takeVisits(engine), true);
  REQUIRE(goals.size() == 1);
  CHECK(goals[0]["step"] == "/account");
  CHECK(engine.goal("purchase"));
  CHECK(withGoal(takeVisits(engine), true).empty());
}

TEST_CASE("a goal name the collector would refuse is refused here") {
  Engine engine = newEngine("signals");
  CHECK_FALSE(engine.goal(""));
  CHECK_FALSE(engine.goal("Purchase"));
  CHECK_FALSE(engine.goal("order 12"));
  CHECK_FALSE(engine.goal(std::string(33, 'a')));
  CHECK_FALSE(engine.setGoalRoute("order/thanks", "purchase"));
  CHECK_FALSE(engine.setGoalRoute("/order/thanks", "a@b"));
  CHECK(engine.goal("sign-up_2"));
}

TEST_CASE("under counts with noise, the goal tally repeats the noisy answer and no help flag") {
  // Many views, so that noise surely flips some answers: each goal tally must equal its view's.
  Engine engine = newEngine("counts", 1.0986);
  std::map<std::string, Json> told;
  for (int i = 0; i < 60; ++i) {
    engine.enterStep("/s" + std::to_string(i), i * 10000.0);
    if (i % 3 == 0) rageClick(engine, i * 10000.0 + 100);
  }
  engine.pageHidden(700000);
  for (const auto& visit : takeVisits(engine)) {
    CHECK_FALSE(visit.contains("help"));
    told[visit["step"]] = visit["met"];
  }
  REQUIRE(told.size() == 60);
  CHECK(engine.goal("purchase"));
  const Json goals = takeVisits(engine);
  REQUIRE(goals.size() == 60);
  int flipped = 0;
  for (const auto& visit : goals) {
    CHECK(visit["met"] == told[visit["step"]]);
    CHECK_FALSE(visit.contains("help"));
    const int i = std::stoi(visit["step"].get<std::string>().substr(2));
    const bool truth = i % 3 == 0;
    const bool said = !visit["met"].empty() && visit["met"][0] == "rage_click";
    flipped += truth != said ? 1 : 0;
  }
  CHECK(flipped > 0);  // the noise was there, and went again unchanged
}

TEST_CASE("the told tallies survive a page load through the tab state, and only with consent") {
  Engine first = newEngine("counts", 1.0986);
  first.enterStep("/product/12", 0);
  rageClick(first, 1000);
  first.pageHidden(5000);
  const Json told = takeVisits(first);
  REQUIRE(told.size() == 1);
  const std::string state = first.toldState();
  CHECK(first.keptTallies() == 1);

  Engine second = newEngine("counts", 1.0986);
  second.restoreTold(state);
  CHECK(second.keptTallies() == 1);
  second.enterStep("/cart", 0);
  CHECK(second.goal("purchase"));
  second.pageHidden(1000);
  const std::string json = takeBatchJson(second);  // ε of the told tallies: one batch
  const Json batch = Json::parse(json);
  CHECK(batch["epsilon"] == 1.0986);
  Json goals = withGoal(batch["visits"], true);
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["step"] == "/cart");
  CHECK(without(goals[1], "goal") == told[0]);

  Engine refused = newEngine("none");
  refused.restoreTold(state);
  CHECK(refused.keptTallies() == 0);
  CHECK(refused.toldState().empty());
  CHECK(refused.goal("purchase"));
  CHECK(takeBatchJson(refused).empty());
}

TEST_CASE("withdrawing consent forgets the kept tallies and the mark on the open view") {
  Engine engine = newEngine("signals");
  engine.enterStep("/cart", 0);
  engine.enterStep("/pay", 1000);
  CHECK(engine.goal("purchase"));  // the open view (/pay) is marked, to go when it closes
  engine.enterStep("/more", 1500);
  REQUIRE(engine.setConsent("none"));
  CHECK(engine.keptTallies() == 0);
  REQUIRE(engine.setConsent("signals"));
  engine.enterStep("/again", 2000);
  CHECK(engine.goal("purchase"));
  engine.pageHidden(3000);
  const Json goals = withGoal(takeVisits(engine), true);
  // /more was told after consent came back; /cart and /pay, from before the withdrawal, are gone.
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["step"] == "/again");
  CHECK(goals[1]["step"] == "/more");
}

TEST_CASE("the kept tallies stay bounded, the oldest going first") {
  ToldTallies kept;
  for (int i = 0; i < 150; ++i) kept.keep(VisitTally{"/s" + std::to_string(i), 0, {}, {}}, 0);
  CHECK(kept.size() == ToldTallies::kCapacity);
  ToldTallies restored;
  restored.restore(kept.state() + "garbage\n1|2|3\n99999999|0|-|/x\n0|0|x|/y\n");
  REQUIRE(restored.size() == ToldTallies::kCapacity);
  const auto all = restored.takeAll();
  CHECK(all.front().tally.step == "/s50");
  CHECK(all.back().tally.step == "/s149");
}

TEST_CASE("a reload of the goal's page does not count the view before it twice") {
  Engine engine = newEngine("signals");
  REQUIRE(engine.setGoalRoute("/order/:id/thanks", "purchase"));
  engine.enterStep("/checkout", 0);
  engine.enterStep("/order/1/thanks", 1000);
  engine.pageHidden(2000);
  CHECK(withGoal(takeVisits(engine), true).size() == 1);  // the checkout view
  const std::string state = engine.toldState();           // the thanks page's own, kept

  Engine reloaded = newEngine("signals");  // the same tab, the thanks page loaded again
  REQUIRE(reloaded.setGoalRoute("/order/:id/thanks", "purchase"));
  reloaded.restoreTold(state);
  reloaded.enterStep("/order/1/thanks", 0);
  reloaded.pageHidden(1000);
  CHECK(withGoal(takeVisits(reloaded), true).empty());
}
