// The journey summary and its per-request consent: nothing without a yes, one summary per yes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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
}  // namespace

TEST_CASE("no summary leaves without the visitor's yes, and each yes gives exactly one") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("https://shop.example/?utm=x", 0);
  engine.enterStep("https://shop.example/product/8812?coupon=SECRET", 12000);
  engine.registerTarget(1, "button", "#apply", kActionable);
  rageClick(engine, 20000);
  rageClick(engine, 30000);
  engine.enterStep("https://shop.example/help", 52000);

  CHECK(takeJourneySummary(engine, 60000).empty());  // consent "none" and no yes: nothing
  engine.grantJourneyOnce();
  const std::string json = takeJourneySummary(engine, 61000);
  CHECK(Json::parse(json) == Json::parse(R"({"steps":[
    {"step":"/","seconds":10,"met":{}},
    {"step":"/product/:id","seconds":40,"met":{"rage_click":2}},
    {"step":"/help","seconds":10,"met":{}}]})"));
  for (const char* secret : {"8812", "SECRET", "utm", "coupon", "shop.example"})
    CHECK_MESSAGE(json.find(secret) == std::string::npos, secret);
  CHECK(takeJourneySummary(engine, 62000).empty());  // used up
}

TEST_CASE("a withdrawal cancels a pending yes; the summary keeps the last steps only") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.grantJourneyOnce();
  REQUIRE(engine.setConsent("none"));
  CHECK(takeJourneySummary(engine, 0).empty());

  for (int i = 0; i < 30; ++i) engine.enterStep("/page/" + std::string(1, char('a' + i % 26)) + std::to_string(i % 2), i * 1000.0);
  engine.grantJourneyOnce();
  const auto steps = Json::parse(takeJourneySummary(engine, 30000))["steps"];
  CHECK(steps.size() == JourneyLog::kMaxSteps);
  CHECK(steps.back()["step"] == "/page/d1");  // i = 29: the current step is last
}

TEST_CASE("the journey log crosses page loads through the journey state, with the time on each step") {
  Engine first(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  REQUIRE(first.setConsent("signals"));
  first.enterStep("https://shop.example/", 0);
  first.enterStep("https://shop.example/product/8812", 12000);
  first.registerTarget(1, "button", "#apply", kActionable);
  rageClick(first, 20000);
  const std::string state = first.journeyState(31000);  // the page goes away 19 s after arriving

  // The next page of the tab: a new engine, the stored state, then its own step.
  Engine next(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12 + 31000});
  next.restoreJourney(state);
  next.enterStep("https://shop.example/checkout", 500);
  next.grantJourneyOnce();
  CHECK(Json::parse(takeJourneySummary(next, 10500)) == Json::parse(R"({"steps":[
    {"step":"/","seconds":10,"met":{}},
    {"step":"/product/:id","seconds":20,"met":{"rage_click":1}},
    {"step":"/checkout","seconds":10,"met":{}}]})"));
}

TEST_CASE("a tampered journey log is read line by line: the malformed lines are skipped") {
  JourneyLog log;
  log.restore("12000|0,1,0,0,0,0,0,0,0,0|/a\nnot a line\n-5|0|/b\n300|x|/c\n400|0,0,0,0,0,0,0,0,0,0|no-slash\n");
  const auto steps = log.summary(0);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].step == "/a");
  CHECK(steps[0].seconds == 10);
  CHECK(steps[0].met[1] == 1);
}

TEST_CASE("time on a step is capped at a day, from the clock and from a stored state") {
  JourneyLog log;
  log.enter("/", 0);
  CHECK(log.summary(40.0 * 24 * 3600 * 1000)[0].seconds == 24 * 3600);
  JourneyLog restored;
  restored.restore("99999999999999|0,0,0,0,0,0,0,0,0,0|/a\n3600000|0,0,0,0,0,0,0,0,0,0|/b\n");
  const auto steps = restored.summary(0);
  REQUIRE(steps.size() == 1);  // the impossible one is skipped
  CHECK(steps[0].seconds == 3600);
}
