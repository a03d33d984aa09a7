// The step's friction score and the help trigger: help at the first clear sign, never nagging.
#include <doctest/doctest.h>

#include <algorithm>

#include "decide/help_trigger.h"
#include "decide/step_score.h"
#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;

namespace {
void rageClick(Engine& engine, double t, uint32_t target = 1) {
  pushRageClick(engine, t, target);
  engine.drain(t + 800);  // the third click tips it; the burst is still open
}

// time_origin_ms: the wall-clock time at which this page's clock starts.
Engine productPage(double time_origin_ms = 1.7e12) {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, time_origin_ms});
  engine.enterStep("/product/8812", 0);
  engine.registerTarget(1, "button", "#apply", kActionable);
  engine.registerTarget(2, "button", "#wishlist", kActionable);
  return engine;
}
}  // namespace

TEST_CASE("the step score adds weighted evidence and halves every half-life") {
  StepScoreSettings settings;
  StepScore score(settings);
  score.add(FrictionKind::rage_click, 0.8, 1000);
  CHECK(score.at(1000) == doctest::Approx(0.8));
  CHECK(score.at(61000) == doctest::Approx(0.4));
  score.add(FrictionKind::dead_click, 1.0, 61000);  // weight 0.6
  CHECK(score.at(61000) == doctest::Approx(1.0));
  CHECK(score.at(121000) == doctest::Approx(0.5));
  CHECK(settings.set("weight.dead_click", 2));
  CHECK_FALSE(settings.set("weight.angry_click", 1));
  CHECK_FALSE(settings.set("weight.dead_click", 6));
  CHECK_FALSE(settings.set("half_life_ms", 10));
  score.reset();
  CHECK(score.at(121000) == 0);
}

TEST_CASE("a rage click is offered help at once, naming its step, element and kind") {
  Engine engine = productPage();
  rageClick(engine, 10000);
  const auto offers = engine.takeHelpOffers();
  REQUIRE(offers.size() == 1);
  CHECK(offers[0].step == "/product/:id");
  CHECK(offers[0].cause == FrictionKind::rage_click);
  CHECK(offers[0].target == 1);
  CHECK(offers[0].reason == HelpReason::kind);
  CHECK(offers[0].at_ms == 10500);  // the third click: no waiting for the burst to end
  CHECK(offers[0].kinds == VisitTally::bit(FrictionKind::rage_click));
  const auto detections = engine.takeDetections();
  REQUIRE(detections.size() == 1);
  CHECK(detections[0].step_score == doctest::Approx(offers[0].score));
  CHECK(engine.stepScore(10500) > 0);
}

TEST_CASE("a rage burst on a dead button is told as both kinds, and offered help once") {
  Engine engine = productPage();
  pushRageClickOnDeadControl(engine, 10000);  // four clicks on #apply, nothing answers
  engine.drain(13000);           // past the dead click's 2.5 s window
  const auto detections = engine.takeDetections();
  REQUIRE(detections.size() == 2);
  CHECK(detections[0].kind == FrictionKind::rage_click);
  CHECK(detections[1].kind == FrictionKind::dead_click);
  CHECK(detections[1].target == 1);
  CHECK(detections[1].step_score > detections[0].step_score);  // both weigh on the step
  const auto offers = engine.takeHelpOffers();
  REQUIRE(offers.size() == 1);
  CHECK(offers[0].cause == FrictionKind::rage_click);
}

TEST_CASE("a dead click and a struggle with a form are offered help at their first sign") {
  for (const FrictionKind kind : {FrictionKind::dead_click, FrictionKind::form_struggle})
    CHECK((HelpSettings{}.kinds & bitOf(kind)) != 0);
  for (const FrictionKind kind : {FrictionKind::scroll_thrash, FrictionKind::hesitation,
                                  FrictionKind::cursor_thrash, FrictionKind::quick_back,
                                  FrictionKind::slow_response})
    CHECK((HelpSettings{}.kinds & bitOf(kind)) == 0);
  Engine engine = productPage();
  pushClick(engine, 10000, 2);
  engine.drain(13000);
  const auto offers = engine.takeHelpOffers();
  REQUIRE(offers.size() == 1);
  CHECK(offers[0].cause == FrictionKind::dead_click);
  CHECK(offers[0].reason == HelpReason::kind);
}

TEST_CASE("never nagging: one offer per step for a while, longer after a dismissal, a cap per page") {
  Engine engine = productPage();
  rageClick(engine, 10000);
  CHECK(engine.takeHelpOffers().size() == 1);
  rageClick(engine, 20000, 2);  // another element, same step, 10 s later
  CHECK(engine.takeHelpOffers().empty());
  rageClick(engine, 140000);  // past repeat_after_ms (2 min)
  CHECK(engine.takeHelpOffers().size() == 1);
  engine.helpDismissed(141000);
  rageClick(engine, 300000, 2);  // 2.7 min after "no thanks": still quiet (10 min)
  CHECK(engine.takeHelpOffers().empty());

  engine.enterStep("/checkout", 310000);  // another step has its own quiet
  CHECK(engine.stepScore(310000) == 0);
  rageClick(engine, 320000);
  CHECK(engine.takeHelpOffers().size() == 1);  // the third and last offer of this page
  engine.enterStep("/help", 330000);
  rageClick(engine, 340000);
  CHECK(engine.takeHelpOffers().empty());
}

TEST_CASE("by score: frictions that add up cross the threshold; sites choose kinds and levels") {
  Engine engine = productPage();
  REQUIRE(engine.setHelpKinds(""));  // no kind answered at once: only the score
  CHECK_FALSE(engine.setHelpKinds("rage_click,angry_click"));
  REQUIRE(engine.setThreshold("help.threshold", 0.9));
  REQUIRE(engine.setThreshold("score.weight.rage_click", 1.0));
  CHECK_FALSE(engine.setThreshold("help.threshold", 0));
  CHECK_FALSE(engine.setThreshold("help.nagging", 1));
  CHECK_FALSE(engine.setThreshold("score.weight.angry_click", 1));
  rageClick(engine, 10000);  // evidence 0.5 when recognised: alone it stays under 0.9
  CHECK(engine.takeHelpOffers().empty());
  rageClick(engine, 15000, 2);
  const auto offers = engine.takeHelpOffers();
  REQUIRE(offers.size() == 1);
  CHECK(offers[0].reason == HelpReason::score);
  CHECK(offers[0].score >= 0.9);
  CHECK(offers[0].target == 2);
}

TEST_CASE("across the pages of a tab: a dismissal holds on the same step, and offers are capped per session") {
  const double epoch = 1.7e12;
  Engine first = productPage();
  rageClick(first, 10000);
  CHECK(first.takeHelpOffers().size() == 1);
  first.helpDismissed(11000);
  const std::string state = first.helpState(12000);
  CHECK(state == "1\n" + std::to_string(static_cast<long long>(epoch + 11000 + 600000)) + "|/product/:id\n");

  // The next page opens 20 s later in wall-clock time; its page clock starts again at 0.
  Engine next = productPage(epoch + 32000);
  next.restoreHelpState(state, 0);
  rageClick(next, 60000);  // 1.5 min after "no thanks": the step is still quiet
  CHECK(next.takeHelpOffers().empty());
  next.enterStep("/checkout", 61000);
  rageClick(next, 62000);  // another step is not
  CHECK(next.takeHelpOffers().size() == 1);

  // Six offers in a session, whatever the pages.
  std::string carried = next.helpState(63000);
  CHECK(carried.rfind("2\n", 0) == 0);
  int offered = 2;
  for (int page = 0; page < 6; ++page) {
    Engine engine(EngineConfig{"demo", "", 64, kTestSeed, epoch + 200000.0 * (page + 1)});
    engine.restoreHelpState(carried, 0);
    engine.enterStep("/page-" + std::to_string(page), 0);
    engine.registerTarget(1, "button", "#b", kActionable);
    rageClick(engine, 10000);
    offered += static_cast<int>(engine.takeHelpOffers().size());
    carried = engine.helpState(20000);
  }
  CHECK(offered == 6);
  CHECK(carried.rfind("6\n", 0) == 0);
}

TEST_CASE("a tampered help state is read as far as it makes sense, and no further") {
  Engine engine = productPage();
  engine.restoreHelpState("many\nsoon|/product/:id\n99999999999999|no-slash\n|/x\n", 0);
  rageClick(engine, 10000);
  CHECK(engine.takeHelpOffers().size() == 1);  // nothing usable: not quiet, count 0
  CHECK(engine.helpState(11000).rfind("1\n", 0) == 0);
  CHECK(engine.setThreshold("help.max_session_offers", 0));
  CHECK_FALSE(engine.setThreshold("help.max_session_offers", 101));
}

TEST_CASE("a restored help state is bounded: no step quiet for longer than the settings allow, and 64 steps at most") {
  const double epoch = 1.7e12;
  Engine engine = productPage();
  std::string state = "0\n99999999999999999|/product/:id\n";
  for (int i = 0; i < 200; ++i) state += std::to_string(static_cast<long long>(epoch + 60000)) + "|/s" + std::to_string(i) + "\n";
  engine.restoreHelpState(state, 0);
  // The product step was made quiet "forever": it holds for the longest quiet the settings
  // give (10 minutes), no more.
  rageClick(engine, 590000);
  CHECK(engine.takeHelpOffers().empty());
  rageClick(engine, 610000);
  CHECK(engine.takeHelpOffers().size() == 1);
  const std::string kept = engine.helpState(0);
  CHECK(std::count(kept.begin(), kept.end(), '\n') <= 1 + static_cast<long>(HelpTrigger::kMaxQuietSteps));
}
