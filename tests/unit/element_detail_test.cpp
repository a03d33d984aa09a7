// Issue 14 in the core: the first mark of a problem in a page load, the element names a site
// gives (data-friction-name), and the device class a batch of signals carries.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "encode/batch_record.h"
#include "encode/field_rules.h"
#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;
using field_rules::cleanElementName;
using field_rules::elementNameProblem;

namespace {

Engine signalsEngine() {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("https://shop.example/cart", 0);
  REQUIRE(engine.setConsent("signals"));
  engine.registerTarget(1, "button", "main > button.apply", kActionable, "apply-coupon");
  engine.registerTarget(2, "button", "main > button.pay", kActionable);
  return engine;
}

// Rage clicks on `target` from `t`, the episode closed.
void rageEpisode(Engine& engine, double t, uint32_t target) {
  pushRageClick(engine, t, target);
  engine.drain(t + 3000);
}

nlohmann::json batchOf(Engine& engine) {
  const std::string json = takeBatchJson(engine);
  REQUIRE_FALSE(json.empty());
  return nlohmann::json::parse(json);
}

}  // namespace

TEST_CASE("first mark: the first episode of a (kind, step, target) in a page load, only") {
  Engine engine = signalsEngine();
  rageEpisode(engine, 1000, 1);
  rageEpisode(engine, 10000, 1);  // a second episode on the same button: same page view
  rageEpisode(engine, 20000, 2);  // another button: its own problem
  auto batch = batchOf(engine);
  REQUIRE(batch["signals"].size() == 3);
  CHECK(batch["signals"][0]["first"] == true);
  CHECK_FALSE(batch["signals"][1].contains("first"));  // absent, never false
  CHECK(batch["signals"][2]["first"] == true);

  // A later batch of the same page load: still not first, even after the tab was hidden.
  engine.pageHidden(42000);
  engine.pageShown();
  rageEpisode(engine, 50000, 1);
  batch = batchOf(engine);
  REQUIRE(batch["signals"].size() == 1);
  CHECK_FALSE(batch["signals"][0].contains("first"));

  // The same button on another step is another problem.
  engine.enterStep("https://shop.example/checkout", 60000);
  rageEpisode(engine, 61000, 1);
  batch = batchOf(engine);
  REQUIRE(batch["signals"].size() == 1);
  CHECK(batch["signals"][0]["first"] == true);
}

TEST_CASE("first mark: a new page load (a new engine) starts afresh; consent changes do not") {
  Engine engine = signalsEngine();
  rageEpisode(engine, 1000, 1);
  REQUIRE(engine.setConsent("none"));  // the unsent signal goes, its mark stays used
  REQUIRE(engine.setConsent("signals"));
  rageEpisode(engine, 10000, 1);
  auto batch = batchOf(engine);
  REQUIRE(batch["signals"].size() == 1);
  CHECK_FALSE(batch["signals"][0].contains("first"));

  Engine next = signalsEngine();
  rageEpisode(next, 1000, 1);
  batch = batchOf(next);
  REQUIRE(batch["signals"].size() == 1);
  CHECK(batch["signals"][0]["first"] == true);
}

TEST_CASE("first marks are bounded: past the capacity, signals go unmarked") {
  FirstMarks marks;
  for (size_t i = 0; i < FirstMarks::kCapacity; ++i)
    CHECK(marks.take(FrictionKind::dead_click, "/", i + 1));
  CHECK_FALSE(marks.take(FrictionKind::dead_click, "/", 0));
  CHECK_FALSE(marks.take(FrictionKind::dead_click, "/", 1));
  CHECK(marks.size() == FirstMarks::kCapacity);
}

TEST_CASE("element names: the site's name goes with the element's signals, cleaned") {
  Engine engine = signalsEngine();
  engine.registerTarget(3, "button", "main > button.x", kActionable, "  jane.doe@example.com  ");
  engine.registerTarget(4, "button", "main > button.y", kActionable, "<b>Pay</b> now!");
  rageEpisode(engine, 1000, 1);
  rageEpisode(engine, 5000, 2);
  rageEpisode(engine, 9000, 3);
  rageEpisode(engine, 13000, 4);
  auto batch = batchOf(engine);
  REQUIRE(batch["signals"].size() == 4);
  CHECK(batch["signals"][0]["name"] == "apply-coupon");
  CHECK_FALSE(batch["signals"][1].contains("name"));  // no name given: no key
  CHECK(batch["signals"][2]["name"] == ":email");
  CHECK(batch["signals"][3]["name"] == "bPay/b now");
  CHECK(batch.dump().find("jane") == std::string::npos);
}

TEST_CASE("element names: scrubbed, charset, identifiers, length, emptiness") {
  CHECK(cleanElementName("apply-coupon") == "apply-coupon");
  CHECK(cleanElementName("checkout: step 2/3") == "checkout: step 2/3");
  CHECK(cleanElementName("Plan_B.v2") == "Plan_B.v2");
  // Personal data, before the charset would hide it.
  CHECK(cleanElementName("contact jane@example.com") == "contact :email");
  CHECK(cleanElementName("call +33 6 12 34 56 78") == "call :phone");
  CHECK(cleanElementName("card 4111 1111 1111 1111") == "card :card");
  // Long digit runs and tokens are ids, not names.
  CHECK(cleanElementName("order-12345678") == "order-:id");
  CHECK(cleanElementName("order-123456789") == "order-:phone");  // the scrubber's word first
  CHECK(cleanElementName("cancel 20261130") == "cancel :id");
  CHECK(cleanElementName("row-a8f5e2c9d1b3") == "row-:id");
  CHECK(cleanElementName(":a8f5e2c9d1b3") == ":id");
  // Not in the charset: dropped.
  CHECK(cleanElementName("Réduction «été»") == "Rduction t");
  CHECK(cleanElementName("say \"hi\"\n<script>") == "say hiscript");
  // Cut to 64, trimmed; nothing left is "".
  const std::string long_name(100, 'a');
  CHECK(cleanElementName(long_name) == std::string(64, 'a'));
  CHECK(cleanElementName(std::string(63, 'a') + " b") == std::string(63, 'a'));
  CHECK(cleanElementName("   ") == "");
  CHECK(cleanElementName("€€€") == "");
  CHECK(cleanElementName("") == "");
}

TEST_CASE("element names: what the core writes is what the collector's rule takes") {
  for (const char* raw : {"apply-coupon", "contact jane@example.com", "order-12345678",
                          "Réduction «été»", "checkout: step 2/3", "  x  "}) {
    const std::string clean = cleanElementName(raw);
    CAPTURE(raw);
    if (!clean.empty()) CHECK(elementNameProblem(clean) == nullptr);
  }
  CHECK(elementNameProblem("") != nullptr);
  CHECK(elementNameProblem(std::string(65, 'a')) != nullptr);
  CHECK(elementNameProblem("a<b") != nullptr);
  CHECK(elementNameProblem(" a") != nullptr);
  CHECK(elementNameProblem("jane.doe@example.com") != nullptr);
  CHECK(elementNameProblem("call 0612345678") != nullptr);
  CHECK(elementNameProblem("order-12345678") != nullptr);
}

TEST_CASE("device class: thresholds, and only in a batch that holds signals") {
  CHECK(classifyDevice(true, 390).pointer == "touch");
  CHECK(classifyDevice(false, 390).pointer == "mouse");
  CHECK(classifyDevice(false, 599).width == "narrow");
  CHECK(classifyDevice(false, 600).width == "medium");
  CHECK(classifyDevice(false, 1023).width == "medium");
  CHECK(classifyDevice(false, 1024).width == "wide");
  CHECK(classifyDevice(false, 0).width == "");
  CHECK(classifyDevice(false, std::nan("")).width == "");

  Engine engine = signalsEngine();
  engine.setDevice(true, 390);
  rageEpisode(engine, 1000, 1);
  auto batch = batchOf(engine);
  CHECK(batch["pointer"] == "touch");
  CHECK(batch["width"] == "narrow");
  CHECK(batch["v"] == 2);

  // Tallies alone (a visit closed, no signal): no device class.
  engine.pageHidden(5000);
  batch = batchOf(engine);
  CHECK(batch["signals"].empty());
  CHECK_FALSE(batch.contains("pointer"));
  CHECK_FALSE(batch.contains("width"));
}

TEST_CASE("device class: never under counts consent") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("https://shop.example/cart", 0);
  REQUIRE(engine.setConsent("counts"));
  engine.registerTarget(1, "button", "main > button.apply", kActionable, "apply-coupon");
  engine.setDevice(false, 1280);
  rageEpisode(engine, 1000, 1);
  engine.pageHidden(5000);
  const auto batch = batchOf(engine);
  CHECK(batch["signals"].empty());
  CHECK_FALSE(batch.contains("pointer"));
  CHECK(batch.dump().find("apply-coupon") == std::string::npos);
}

TEST_CASE("batch record v2 carries first marks, names and the device class") {
  BatchContent batch;
  batch.header = {"demo", "0.1.0", 0, 0, "00112233445566778899aabbccddeeff", "mouse", "wide"};
  Signal s{FrictionKind::rage_click, "/cart", "button", 7, 4, 10, 700, 0.6, false, ""};
  s.first = true;
  s.name = "apply-coupon";
  batch.signals.push_back(s);
  const auto bytes = writeBatchRecord(batch);
  const auto read = readBatchRecord(bytes.data(), bytes.size());
  REQUIRE(read);
  CHECK(read->header.pointer == "mouse");
  CHECK(read->header.width == "wide");
  REQUIRE(read->signals.size() == 1);
  CHECK(read->signals[0].first);
  CHECK(read->signals[0].name == "apply-coupon");
  auto damaged = bytes;
  damaged[1] = 1;  // a version-1 reader's record is refused, not misread
  CHECK_FALSE(readBatchRecord(damaged.data(), damaged.size()));
}
