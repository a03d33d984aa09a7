// The kinds list (detect/friction_kind.h) drives every table that lists kinds: these pin down
// that each reads it, so that a new kind cannot be half added.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "decide/help_trigger.h"
#include "decide/step_score.h"
#include "dictionary/signal_corpus.h"
#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;

TEST_CASE("every kind's name reads back as the kind") {
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    const auto kind = static_cast<FrictionKind>(k);
    CAPTURE(name(kind));
    CHECK(parseFrictionKind(name(kind)) == kind);
  }
  CHECK_FALSE(parseFrictionKind("rage"));
  CHECK_FALSE(parseFrictionKind(""));
}

TEST_CASE("thresholds reach the detector of their kind, the one reading steps too") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed});
  CHECK(engine.setThreshold("quick_back.max_dwell_ms", 8000));
  CHECK(engine.setThreshold("rage_click.min_clicks", 4));
  CHECK_FALSE(engine.setThreshold("rage_click.max_dwell_ms", 8000));
  CHECK_FALSE(engine.setThreshold("quick_back.min_clicks", 4));
}

TEST_CASE("the step score starts from each kind's weight in the list, settable per site") {
  const StepScoreSettings defaults;
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    CAPTURE(kFrictionKinds[k].name);
    CHECK(defaults.weights[k] == kFrictionKinds[k].weight);
    CHECK(defaults.weights[k] > 0);
    StepScoreSettings site;
    CHECK(site.set("weight." + std::string(kFrictionKinds[k].name), 2.5));
    CHECK(site.weights[k] == 2.5);
  }
  CHECK(defaults.weights[static_cast<size_t>(FrictionKind::rage_click)] == 1.0);
  CHECK(defaults.weights[static_cast<size_t>(FrictionKind::cursor_thrash)] == 0.2);
}

TEST_CASE("help at the first sign: the kinds the list marks, where visitors are stuck today") {
  const HelpSettings defaults;
  CHECK(defaults.kinds == (bitOf(FrictionKind::rage_click) | bitOf(FrictionKind::dead_click) |
                           bitOf(FrictionKind::error_click) | bitOf(FrictionKind::form_struggle)));
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    const auto kind = static_cast<FrictionKind>(k);
    CHECK(((defaults.kinds & bitOf(kind)) != 0) == kFrictionKinds[k].help_at_first_sign);
  }
}

TEST_CASE("the dictionary is trained on every kind the list gives a share, as often as that") {
  std::map<std::string, int> kinds_seen;
  int signals = 0;
  for (const std::string& batch : sampleBatches(1, 300)) {
    const auto json = nlohmann::json::parse(batch);
    for (const auto& signal : json.at("signals")) {
      ++kinds_seen[signal.at("kind").get<std::string>()];
      ++signals;
    }
  }
  REQUIRE(signals > 1000);
  for (const auto& kind : kFrictionKinds) {
    CAPTURE(kind.name);
    const double share = static_cast<double>(kinds_seen[std::string(kind.name)]) / signals;
    CHECK(share == doctest::Approx(kind.training_share).epsilon(0.25));
  }
}
