// Why a friction happened, from the engine to the collector's intake (issue 16): the page hears
// the cause at once, the signal carries it to the codec and onto the wire as one word, only on a
// kind that carries causes (encode/field_rules.h, kKindCauses), and the collector refuses any
// other. The detectors setting causes are tested with them; here causes are set by hand, as a
// detector sets them, through the engine's sink.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "encode/batch_record.h"
#include "encode/field_rules.h"
#include "encode/signal_batch.h"
#include "intake/batch_reader.h"
#include "kit/engine_fixtures.h"
#include "kit/test_batch_id.h"

using namespace friction;
using namespace friction::testing;

namespace {

Signal formSignal(FrictionCause cause, FrictionKind kind = FrictionKind::form_struggle) {
  Signal s{kind, "/checkout", "textbox", 0x1234abcd5678ef90ull, 3, 20, 4500, 0.7};
  s.first = true;
  s.cause = cause;
  return s;
}

BatchContent batchOf(const Signal& signal) {
  BatchContent batch;
  batch.header = {"shop", "0.1.0", 0, 0, "00112233445566778899aabbccddeeff"};
  batch.signals.push_back(signal);
  return batch;
}

nlohmann::json wireSignal(const Signal& signal) {
  const auto record = writeBatchRecord(batchOf(signal));
  const auto read = readBatchRecord(record.data(), record.size());
  REQUIRE(read);
  REQUIRE(read->signals.size() == 1);
  return nlohmann::json::parse(encodeBatchJson(read->header, read->signals, read->visits))
      .at("signals")
      .at(0);
}

// The engine as its detectors see it: the FrictionSink it hands them (a private base, which a
// C-style cast reaches).
FrictionSink& sinkOf(Engine& engine) { return (FrictionSink&)engine; }

Engine engineOnCheckout(const char* consent) {
  Engine engine(EngineConfig{"shop", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("https://shop.example/checkout", 0);
  engine.registerTarget(7, "textbox", "form#pay > input[name=postcode]", 0, "postcode");
  REQUIRE(engine.setConsent(consent));
  return engine;
}

ReceivedBatch readWire(const nlohmann::json& batch, std::string& error) {
  ReceivedBatch out;
  readBatchJson(batch.dump(), out, error);
  return out;
}

nlohmann::json wireBatch(nlohmann::json signal) {
  auto batch = nlohmann::json::parse(encodeBatchJson({"shop", "0.1.0", 0, 0, testBatchId()}, {}));
  batch["signals"] = nlohmann::json::array({std::move(signal)});
  return batch;
}

}  // namespace

TEST_CASE("causes: the table says form struggle carries the four causes, other kinds none") {
  using field_rules::carriesCause;
  for (size_t c = 1; c < kFrictionCauseCount; ++c)
    CHECK(carriesCause(FrictionKind::form_struggle, static_cast<FrictionCause>(c)));
  CHECK_FALSE(carriesCause(FrictionKind::form_struggle, FrictionCause::none));
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    if (static_cast<FrictionKind>(k) == FrictionKind::form_struggle) continue;
    CHECK(field_rules::causesOf(static_cast<FrictionKind>(k)) == 0);
  }
}

TEST_CASE("causes: each one goes through the record and onto the wire as its word") {
  for (size_t c = 1; c < kFrictionCauseCount; ++c) {
    const auto cause = static_cast<FrictionCause>(c);
    CHECK(wireSignal(formSignal(cause)).at("cause") == std::string(name(cause)));
  }
}

TEST_CASE("causes: none, or a kind that carries none, leaves the signal byte for byte as before") {
  const nlohmann::json plain = wireSignal(formSignal(FrictionCause::none));
  CHECK_FALSE(plain.contains("cause"));
  // A rage click given a cause by mistake says nothing more than one without.
  Signal rage = formSignal(FrictionCause::validation_loop, FrictionKind::rage_click);
  const std::string with = wireSignal(rage).dump();
  rage.cause = FrictionCause::none;
  CHECK(with == wireSignal(rage).dump());
  CHECK(with.find("cause") == std::string::npos);
}

TEST_CASE("causes: a record whose cause byte is out of range is refused, never misread") {
  auto record = writeBatchRecord(batchOf(formSignal(FrictionCause::abandonment)));
  // The cause is the signal's last byte, before the visits' and help events' counts.
  const size_t cause_at = record.size() - 3;
  REQUIRE(record[cause_at] == static_cast<uint8_t>(FrictionCause::abandonment));
  record[cause_at] = static_cast<uint8_t>(kFrictionCauseCount);
  CHECK(!readBatchRecord(record.data(), record.size()));
  record[cause_at] = 0xff;
  CHECK(!readBatchRecord(record.data(), record.size()));
  record[cause_at] = static_cast<uint8_t>(kFrictionCauseCount - 1);
  CHECK(readBatchRecord(record.data(), record.size()));
}

TEST_CASE("causes: the engine tells the page the cause and sends it with the signal") {
  Engine engine = engineOnCheckout("signals");
  const Detection found{FrictionKind::form_struggle, 7, 9000, 0.8, FrictionCause::validation_loop};
  sinkOf(engine).detectedAndOver(found, 3, 4000);
  const auto detections = engine.takeDetections();
  REQUIRE(detections.size() == 1);
  CHECK(detections[0].cause == FrictionCause::validation_loop);
  const auto batch = nlohmann::json::parse(takeBatchJson(engine));
  REQUIRE(batch.at("signals").size() == 1);
  const auto& signal = batch.at("signals").at(0);
  CHECK(signal.at("kind") == "form_struggle");
  CHECK(signal.at("cause") == "validation_loop");
  CHECK(signal.at("name") == "postcode");
  CHECK(signal.at("role") == "textbox");
}

TEST_CASE("causes: a detection without a cause tells none, and sends no key") {
  Engine engine = engineOnCheckout("signals");
  sinkOf(engine).detectedAndOver({FrictionKind::form_struggle, 7, 9000, 0.8}, 3, 4000);
  CHECK(engine.takeDetections().at(0).cause == FrictionCause::none);
  CHECK(takeBatchJson(engine).find("\"cause\"") == std::string::npos);
}

TEST_CASE("causes: the engine never sends a cause on a kind that carries none") {
  Engine engine = engineOnCheckout("signals");
  engine.registerTarget(1, "button", "#pay", kActionable);
  sinkOf(engine).detectedAndOver({FrictionKind::rage_click, 1, 9000, 0.9, FrictionCause::re_entry},
                                 4, 8000);
  // The page still hears what the detector said: it stays in the browser.
  CHECK(engine.takeDetections().at(0).cause == FrictionCause::re_entry);
  const std::string json = takeBatchJson(engine);
  CHECK(json.find("rage_click") != std::string::npos);
  CHECK(json.find("\"cause\"") == std::string::npos);
}

TEST_CASE("causes: without consent the cause goes nowhere but the page") {
  Engine engine = engineOnCheckout("none");
  sinkOf(engine).detectedAndOver(
      {FrictionKind::form_struggle, 7, 9000, 0.8, FrictionCause::rejected_submit}, 2, 4000);
  CHECK(engine.takeDetections().at(0).cause == FrictionCause::rejected_submit);
  CHECK(engine.pendingSignals() == 0);
  CHECK(takeBatchJson(engine).empty());
}

TEST_CASE("intake: a form struggle's cause is read; absent is none, as from older SDKs") {
  std::string error;
  const auto with = nlohmann::json::parse(encodeBatchJson(
      {"shop", "0.1.0", 0, 0, testBatchId()},
      {formSignal(FrictionCause::rejected_submit), formSignal(FrictionCause::none)}));
  const ReceivedBatch batch = readWire(with, error);
  CHECK(error.empty());
  CHECK(batch.refused == 0);
  REQUIRE(batch.signals.size() == 2);
  CHECK(batch.signals[0].cause == "rejected_submit");
  CHECK(batch.signals[1].cause == "");
}

TEST_CASE("intake: an unknown cause, none, or a cause on a kind without causes is refused") {
  struct Case {
    const char* kind;
    nlohmann::json cause;
    const char* says;
  };
  const Case cases[] = {
      {"form_struggle", "typo", "signals[0].cause: must be one of \"validation_loop\", "
                                "\"re_entry\", \"rejected_submit\", \"abandonment\" for "
                                "form_struggle (absent when the cause is unknown)"},
      {"form_struggle", "none", "signals[0].cause: must be one of"},
      {"form_struggle", "Validation_Loop", "signals[0].cause: must be one of"},
      {"form_struggle", 1, "signals[0].cause: must be a string"},
      {"rage_click", "validation_loop",
       "signals[0].cause: must be absent: rage_click carries no cause"},
      {"dead_click", "abandonment",
       "signals[0].cause: must be absent: dead_click carries no cause"},
  };
  for (const auto& c : cases) {
    nlohmann::json signal = nlohmann::json::parse(
        encodeBatchJson({"shop", "0.1.0", 0, 0, testBatchId()},
                        {formSignal(FrictionCause::none)}))["signals"][0];
    signal["kind"] = c.kind;
    signal["cause"] = c.cause;
    std::string error;
    ReceivedBatch out;
    // The batch holds nothing else: refused as a whole (a 400), naming the field.
    CHECK_FALSE(readBatchJson(wireBatch(signal).dump(), out, error));
    CHECK_MESSAGE(error.rfind(c.says, 0) == 0, error);
  }
}

TEST_CASE("intake: a bad cause costs its own signal only") {
  const Signal good = formSignal(FrictionCause::abandonment);
  auto batch = nlohmann::json::parse(
      encodeBatchJson({"shop", "0.1.0", 0, 0, testBatchId()}, {good, good}));
  batch["signals"][1]["cause"] = "because";
  std::string error;
  ReceivedBatch out;
  CHECK(readBatchJson(batch.dump(), out, error));
  CHECK(out.signals.size() == 1);
  CHECK(out.refused == 1);
  CHECK(out.first_refusal.rfind("signals[1].cause: must be one of", 0) == 0);
}

TEST_CASE("causes: whatever kind and cause a detector reports, the collector takes what leaves") {
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    for (size_t c = 0; c < kFrictionCauseCount; ++c) {
      const auto kind = static_cast<FrictionKind>(k);
      const auto cause = static_cast<FrictionCause>(c);
      CAPTURE(name(kind));
      CAPTURE(name(cause));
      Engine engine = engineOnCheckout("signals");
      sinkOf(engine).detectedAndOver({kind, 7, 9000, 0.8, cause}, 2, 4000);
      const std::string json = takeBatchJson(engine);
      REQUIRE(!json.empty());
      std::string error;
      ReceivedBatch batch;
      REQUIRE_MESSAGE(readBatchJson(json, batch, error), error);
      CHECK(batch.refused == 0);
      REQUIRE(batch.signals.size() == 1);
      const bool carried = field_rules::carriesCause(kind, cause);
      CHECK(batch.signals[0].cause == (carried ? std::string(name(cause)) : std::string()));
    }
  }
}
