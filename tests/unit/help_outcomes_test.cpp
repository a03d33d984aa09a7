// What became of help: events per offer, counted in the core, sent only with signals consent,
// carried across the pages of a tab, each told once.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "decide/help_outcomes.h"
#include "encode/batch_record.h"
#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;

namespace {
void rageClick(Engine& engine, double t, uint32_t target = 1) {
  pushRageClick(engine, t, target);
  engine.drain(t + 800);
}

Engine productPage(std::string_view consent = "signals") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  REQUIRE(engine.setConsent(consent));
  engine.enterStep("/product/8812", 0);
  engine.registerTarget(1, "button", "#apply", kActionable);
  return engine;
}

// The batch's "help" entries as "step kind event" lines.
std::vector<std::string> helpOnWire(Engine& engine) {
  const std::string json = takeBatchJson(engine);
  std::vector<std::string> out;
  if (json.empty()) return out;
  const auto batch = nlohmann::json::parse(json);
  if (!batch.contains("help")) return out;
  for (const auto& e : batch["help"])
    out.push_back(e["step"].get<std::string>() + " " + e["kind"].get<std::string>() + " " +
                  e["event"].get<std::string>());
  return out;
}

std::vector<std::string> lines(HelpOutcomes& outcomes) {
  uint32_t dropped = 0;
  std::vector<std::string> out;
  for (const auto& e : outcomes.take(dropped))
    out.push_back(e.step + " " + std::string(name(e.kind)) + " " + std::string(name(e.event)));
  return out;
}
}  // namespace

TEST_CASE("help events: offered, opened, a hand-off and the answer go in the next batch, each once") {
  Engine engine = productPage();
  rageClick(engine, 10000);
  REQUIRE(engine.takeHelpOffers().size() == 1);
  CHECK(engine.helpEvent("opened"));
  CHECK_FALSE(engine.helpEvent("opened"));  // once per offer
  CHECK(engine.helpEvent("handoff"));
  CHECK(engine.helpQuestion());
  CHECK_FALSE(engine.helpQuestion());  // asked once
  CHECK(engine.helpEvent("solved"));
  CHECK_FALSE(engine.helpEvent("unsolved"));  // one answer
  CHECK_FALSE(engine.helpEvent("moved_on"));  // the core decides those itself
  CHECK_FALSE(engine.helpEvent("left"));
  engine.helpDismissed(12000);  // closing help once used is not a "no thanks"
  CHECK(helpOnWire(engine) ==
        std::vector<std::string>{"/product/:id rage_click offered", "/product/:id rage_click opened",
                                 "/product/:id rage_click handoff", "/product/:id rage_click solved"});
  CHECK(helpOnWire(engine).empty());
}

TEST_CASE("moving on after an offer is told once, opened or not; staying on the step is not") {
  Engine engine = productPage();
  rageClick(engine, 10000);
  engine.helpDismissed(11000);
  engine.enterStep("/product/8813", 12000);  // the same step template: not moved on
  engine.enterStep("/checkout", 13000);
  engine.enterStep("/", 14000);
  CHECK(helpOnWire(engine) ==
        std::vector<std::string>{"/product/:id rage_click offered",
                                 "/product/:id rage_click dismissed",
                                 "/product/:id rage_click moved_on"});

  Engine opened = productPage();
  rageClick(opened, 10000);
  opened.helpEvent("opened");
  opened.enterStep("/checkout", 13000);
  const auto wire = helpOnWire(opened);
  CHECK(wire.back() == "/product/:id rage_click moved_on_after_opening");
}

TEST_CASE("pending offers cross a page load in the help state, and moved_on is still told once") {
  Engine first = productPage();
  rageClick(first, 10000);
  first.helpEvent("opened");
  CHECK(first.helpQuestion());
  helpOnWire(first);  // sent on the first page
  const std::string state = first.helpState(12000);
  CHECK(state.find("#outcomes\n1\n1|rage_click|/product/:id\n") != std::string::npos);

  Engine next(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12 + 20000});
  REQUIRE(next.setConsent("signals"));
  next.restoreHelpState(state, 0);
  next.enterStep("/checkout", 0);
  CHECK_FALSE(next.helpEvent("solved"));  // an offer of an earlier page is not this page's
  CHECK(helpOnWire(next) ==
        std::vector<std::string>{"/product/:id rage_click moved_on_after_opening"});

  // The page after that one: moved on already, nothing more; the question stays asked.
  Engine third(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12 + 40000});
  REQUIRE(third.setConsent("signals"));
  third.restoreHelpState(next.helpState(1000), 0);
  third.enterStep("/", 0);
  third.registerTarget(1, "button", "#apply", kActionable);
  rageClick(third, 10000);
  third.helpEvent("opened");
  CHECK_FALSE(third.helpQuestion());
  CHECK(helpOnWire(third) ==
        std::vector<std::string>{"/ rage_click offered", "/ rage_click opened"});
}

TEST_CASE("without signals consent no help event is kept, nor pending offers in the tab state") {
  for (const char* consent : {"none", "counts"}) {
    Engine engine = productPage(consent);
    rageClick(engine, 10000);
    CHECK(engine.takeHelpOffers().size() == 1);  // help works whatever the consent
    CHECK_FALSE(engine.helpEvent("opened"));
    CHECK_FALSE(engine.helpQuestion());
    engine.enterStep("/checkout", 13000);
    CHECK(engine.pendingHelpEvents() == 0);
    CHECK(engine.helpState(14000).find("#outcomes") == std::string::npos);
    CHECK(helpOnWire(engine).empty());
  }
  // Withdrawal drops what was waiting.
  Engine engine = productPage();
  rageClick(engine, 10000);
  engine.helpEvent("opened");
  REQUIRE(engine.pendingHelpEvents() == 2);
  engine.setConsent("counts");
  CHECK(engine.pendingHelpEvents() == 0);
  // A state written under signals is not read back under another consent.
  Engine signals = productPage();
  rageClick(signals, 10000);
  Engine later = productPage("counts");
  later.restoreHelpState(signals.helpState(11000), 0);
  later.enterStep("/checkout", 1000);
  CHECK(later.pendingHelpEvents() == 0);
}

TEST_CASE("the goal after an offer: goal or goal_after_opening, once per offer") {
  HelpOutcomes outcomes;
  outcomes.offered("/product/:id", FrictionKind::rage_click);
  outcomes.told(HelpEvent::opened);
  outcomes.offered("/checkout", FrictionKind::form_struggle);
  outcomes.enteredStep("/checkout");
  lines(outcomes);
  outcomes.goalReached();
  CHECK(lines(outcomes) == std::vector<std::string>{"/product/:id rage_click goal_after_opening",
                                                    "/checkout form_struggle goal"});
  outcomes.goalReached();
  outcomes.enteredStep("/");
  CHECK(lines(outcomes).empty());
  CHECK(outcomes.pending() == 0);
}

TEST_CASE("help events are bounded: beyond the cap they are counted as dropped in the batch") {
  HelpOutcomes outcomes;
  for (size_t i = 0; i < HelpOutcomes::kMaxEvents + 5; ++i)
    outcomes.offered("/s" + std::to_string(i), FrictionKind::dead_click);
  CHECK(outcomes.size() == HelpOutcomes::kMaxEvents);
  CHECK(outcomes.dropped() == 5);
  CHECK(outcomes.pending() == HelpOutcomes::kMaxPending);
  uint32_t dropped = 0;
  CHECK(outcomes.take(dropped).size() == HelpOutcomes::kMaxEvents);
  CHECK(dropped == 5);
  CHECK(outcomes.dropped() == 0);
}

TEST_CASE("a tampered outcomes state is read as far as it makes sense") {
  HelpOutcomes outcomes;
  std::string state = "1\n1|rage_click|/a\n99|rage_click|/b\n1|nonsense|/c\n1|dead_click|nostep\nx|dead_click|/d\n";
  for (int i = 0; i < 20; ++i) state += "0|dead_click|/e" + std::to_string(i) + "\n";
  outcomes.restore(state);
  CHECK(outcomes.pending() == HelpOutcomes::kMaxPending);
  CHECK_FALSE(outcomes.askQuestion());
  CHECK_FALSE(outcomes.told(HelpEvent::opened));  // restored offers are earlier pages'
  outcomes.enteredStep("/elsewhere");
  const auto told = lines(outcomes);
  REQUIRE(told.size() == HelpOutcomes::kMaxPending);
  CHECK(told[0] == "/a rage_click moved_on_after_opening");
  CHECK(told[1] == "/e0 dead_click moved_on");
}

TEST_CASE("help events survive the record the codec reads, and a bad event byte is refused") {
  BatchContent batch{{"demo", "0.1.0", 0, 0, std::string(32, 'a')}, {}, {}, {}};
  batch.help.push_back({"/checkout", FrictionKind::form_struggle, HelpEvent::unsolved});
  auto record = writeBatchRecord(batch);
  const auto read = readBatchRecord(record.data(), record.size());
  REQUIRE(read);
  REQUIRE(read->help.size() == 1);
  CHECK(read->help[0].step == "/checkout");
  CHECK(read->help[0].event == HelpEvent::unsolved);
  record.back() = static_cast<uint8_t>(kHelpEventCount);
  CHECK_FALSE(readBatchRecord(record.data(), record.size()));
}
