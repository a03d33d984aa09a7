// The collector's reading of the wire format: what the SDK writes comes back intact, and
// anything else (unexpected or id-carrying) is refused with a named field.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anonymise/siphash.h"
#include "encode/signal_batch.h"
#include "intake/batch_reader.h"
#include "intake/frame_decoder.h"
#include "kit/sample_batches.h"
#include "kit/test_batch_id.h"

using namespace friction;
using namespace friction::testing;

namespace {

// The error readBatchJson gives for `batch`, or why it left out its first refused signal or
// visit, or "" if it takes all of it.
std::string refusal(const nlohmann::json& batch) {
  ReceivedBatch out;
  std::string error;
  return readBatchJson(batch.dump(), out, error) ? out.first_refusal : error;
}

}  // namespace

TEST_CASE("a batch round-trips through the SDK's encoder and the collector's reader") {
  std::vector<Signal> signals = sampleSignals(1);
  signals.push_back({FrictionKind::dead_click, "/cart", "link", 0x0123456789abcdefULL, 1, 600,
                     0, 0.3});
  const std::string frame =
      asText(compressFrame(encodeBatchJson({"demo-shop", "0.1.0", 7, 0, testBatchId()}, signals)));

  std::string json, error;
  REQUIRE(decompressFrame(frame, 1024 * 1024, json, error));
  ReceivedBatch batch;
  REQUIRE_MESSAGE(readBatchJson(json, batch, error), error);

  CHECK(batch.site == "demo-shop");
  CHECK(batch.sdk == "0.1.0");
  CHECK(batch.dropped == 7);
  REQUIRE(batch.signals.size() == 2);
  const ReceivedSignal& rage = batch.signals[0];
  CHECK(rage.kind == "rage_click");
  CHECK(rage.step == "/product/:id");
  CHECK(rage.role == "button");
  CHECK(rage.target == "9f2c0e4d1a7b3c58");
  CHECK(rage.count == 4);
  CHECK(rage.at_s == 10);
  CHECK(rage.span_ms == 700);
  CHECK(rage.score == doctest::Approx(0.6));
  const ReceivedSignal& dead = batch.signals[1];
  CHECK(dead.kind == "dead_click");
  CHECK(dead.step == "/cart");
  CHECK(dead.target == toHex(0x0123456789abcdefULL));
  CHECK(dead.at_s == 600);
  CHECK(dead.score == doctest::Approx(0.3));
}

TEST_CASE("readBatchJson accepts what the SDK sends") {
  CHECK(refusal(validBatch()) == "");
  CHECK(refusal(validBatch(0)) == "");
  CHECK(refusal(validBatch(kMaxSignalsPerBatch)) == "");
  auto batch = validBatch();
  batch["signals"][0]["step"] = "/";
  CHECK(refusal(batch) == "");
  batch["signals"][0]["step"] = "/account/:orderId/items";
  CHECK(refusal(batch) == "");
  batch["signals"][0]["score"] = 1;  // an integer is a number too
  CHECK(refusal(batch) == "");
}

TEST_CASE("readBatchJson refuses malformed batches, naming the field") {
  auto batch = validBatch(5);
  auto& fourth = batch["signals"][3];

  SUBCASE("invalid JSON") {
    ReceivedBatch out;
    std::string error;
    CHECK_FALSE(readBatchJson(R"({"v":1,"site":)", out, error));
    CHECK(error == "body is not valid JSON");
  }
  SUBCASE("not an object") {
    CHECK(refusal(nlohmann::json::array()) == "batch: must be an object");
  }
  SUBCASE("wrong version") {
    batch["v"] = 3;
    CHECK(refusal(batch) == "v: must be an integer from 1 to 2");
  }
  SUBCASE("bad batch id") {
    for (std::string id : {"", "5F0C9A7E1B2D3C4F5A6B7C8D9E0F1A2B", "5f0c9a7e1b2d3c4f",
                           "user-42-session-7-abcdefghijklmn"}) {
      CAPTURE(id);
      batch["id"] = id;
      CHECK(refusal(batch) == "id: must be exactly 32 lowercase hex digits");
    }
  }
  SUBCASE("unknown top-level key") {
    batch["user"] = "alice";
    CHECK(refusal(batch) == R"(batch: unexpected key "user")");
  }
  SUBCASE("missing top-level key") {
    batch.erase("dropped");
    CHECK(refusal(batch) == "dropped: is missing");
  }
  SUBCASE("bad site") {
    batch["site"] = "demo shop";
    CHECK(refusal(batch).rfind("site: ", 0) == 0);
    batch["site"] = "";
    CHECK(refusal(batch).rfind("site: ", 0) == 0);
  }
  SUBCASE("sdk too long") {
    batch["sdk"] = std::string(33, '1');
    CHECK(refusal(batch) == "sdk: must be at most 32 characters");
  }
  SUBCASE("dropped out of range") {
    batch["dropped"] = kMaxDropped + 1;
    CHECK(refusal(batch).rfind("dropped: ", 0) == 0);
  }
  SUBCASE("too many signals") {
    CHECK(refusal(validBatch(kMaxSignalsPerBatch + 1)) ==
          "signals: must be an array of at most 500 signals");
  }
  SUBCASE("signals not an array") {
    batch["signals"] = nlohmann::json::object();
    CHECK(refusal(batch).rfind("signals: ", 0) == 0);
  }
  SUBCASE("unknown kind") {
    fourth["kind"] = "angry_click";
    CHECK(refusal(batch) == "signals[3].kind: is not a known friction kind");
  }
  SUBCASE("step with a query or fragment") {
    fourth["step"] = "/search?q=alice";
    CHECK(refusal(batch) == "signals[3].step: must not contain a query or fragment");
    fourth["step"] = "/help#contact";
    CHECK(refusal(batch) == "signals[3].step: must not contain a query or fragment");
  }
  SUBCASE("step with an id segment") {
    const std::string id_error =
        "signals[3].step: must not contain an identifier-like segment (template it as ':id')";
    for (std::string step : {"/order/88123", "/user/alice@example.com", "/user/alice%40example.com",
                             "/item/%38%38%31%32%33", "/t/3f9a2c1d-77aa-4e0b-9c1e-0d6f1a2b3c4d"}) {
      CAPTURE(step);
      fourth["step"] = step;
      CHECK(refusal(batch) == id_error);
    }
    fourth["step"] = "/order/:88123";  // a "parameter" that is really an id
    CHECK(refusal(batch).rfind("signals[3].step: parameter segments", 0) == 0);
  }
  SUBCASE("step that is not a path") {
    fourth["step"] = "product/:id";
    CHECK(refusal(batch) == "signals[3].step: must start with '/'");
    fourth["step"] = "/a b";
    CHECK(refusal(batch) == "signals[3].step: must not contain whitespace or control characters");
    fourth["step"] = "/" + std::string(256, 'a');
    CHECK(refusal(batch) == "signals[3].step: must be at most 256 characters");
  }
  SUBCASE("unknown signal key") {
    fourth["text"] = "my password";
    CHECK(refusal(batch) == R"(signals[3]: unexpected key "text")");
  }
  SUBCASE("missing signal key") {
    fourth.erase("score");
    CHECK(refusal(batch) == "signals[3].score: is missing");
  }
  SUBCASE("bad target hash") {
    for (std::string target : {"9F2C0E4D1A7B3C58", "9f2c0e4d1a7b3c5", "9f2c0e4d1a7b3c58a",
                               "9f2c0e4d1a7b3c5g", "#main > button"}) {
      CAPTURE(target);
      fourth["target"] = target;
      CHECK(refusal(batch) == "signals[3].target: must be exactly 16 lowercase hex digits");
    }
  }
  SUBCASE("bad role") {
    fourth["role"] = "Button";
    CHECK(refusal(batch) == "signals[3].role: must be 1..32 characters of [a-z_-]");
  }
  SUBCASE("numbers out of range or of the wrong type") {
    fourth["count"] = 0;
    CHECK(refusal(batch) == "signals[3].count: must be an integer from 1 to 100000");
    fourth["count"] = 2.5;
    CHECK(refusal(batch) == "signals[3].count: must be an integer from 1 to 100000");
    fourth["count"] = "4";
    CHECK(refusal(batch) == "signals[3].count: must be an integer from 1 to 100000");
    fourth["count"] = 4;
    fourth["at_s"] = -10;
    CHECK(refusal(batch) == "signals[3].at_s: must be an integer from 0 to 604800");
    fourth["at_s"] = 604801;
    CHECK(refusal(batch) == "signals[3].at_s: must be an integer from 0 to 604800");
    fourth["at_s"] = 0;
    fourth["span_ms"] = 3600001;
    CHECK(refusal(batch) == "signals[3].span_ms: must be an integer from 0 to 3600000");
    fourth["span_ms"] = 0;
    fourth["score"] = 1.5;
    CHECK(refusal(batch) == "signals[3].score: must be a number from 0 to 1");
    fourth["score"] = -0.1;
    CHECK(refusal(batch) == "signals[3].score: must be a number from 0 to 1");
  }
  SUBCASE("a signal that is not an object") {
    fourth = "rage_click";
    CHECK(refusal(batch) == "signals[3]: must be an object");
  }
}

namespace {
nlohmann::json batchWithVisits() {
  VisitTally met{"/checkout", 0};
  met.met |= VisitTally::bit(FrictionKind::form_struggle) | VisitTally::bit(FrictionKind::dead_click);
  return nlohmann::json::parse(
      encodeBatchJson({"demo-shop", "0.1.0", 0, 1.0986, testBatchId()}, {}, {met, VisitTally{"/", 0}}));
}
}  // namespace

TEST_CASE("one bad signal or visit is left out, counted and named; the good ones are kept") {
  auto batch = batchWithVisits();
  batch["signals"] = validBatch(3)["signals"];
  batch["signals"][1]["span_ms"] = 3600001;
  batch["visits"][0]["step"] = "/order/88123";
  ReceivedBatch out;
  std::string error;
  REQUIRE(readBatchJson(batch.dump(), out, error));
  CHECK(out.signals.size() == 2);
  CHECK(out.visits.size() == 1);
  CHECK(out.visits[0].step == "/");
  CHECK(out.refused == 2);
  CHECK(out.first_refusal == "signals[1].span_ms: must be an integer from 0 to 3600000");

  // Nothing valid left: the batch is refused, by the first field.
  batch["signals"] = nlohmann::json::array({batch["signals"][1]});
  batch["visits"] = nlohmann::json::array({batch["visits"][0]});
  CHECK_FALSE(readBatchJson(batch.dump(), out, error));
  CHECK(error == "signals[0].span_ms: must be an integer from 0 to 3600000");
}

TEST_CASE("readBatchJson reads visit tallies and their ε") {
  const auto batch = batchWithVisits();
  ReceivedBatch out;
  std::string error;
  REQUIRE(readBatchJson(batch.dump(), out, error));
  CHECK(out.epsilon == doctest::Approx(1.0986));
  REQUIRE(out.visits.size() == 2);
  CHECK(out.visits[0].step == "/checkout");
  CHECK(out.visits[0].met == std::vector<std::string>{"dead_click", "form_struggle"});
  CHECK(out.visits[1].met.empty());

  auto exact = batch;
  exact.erase("epsilon");  // absent: the tallies are exact
  REQUIRE(readBatchJson(exact.dump(), out, error));
  CHECK(out.epsilon == 0);
}

TEST_CASE("readBatchJson refuses malformed visits, naming the field") {
  auto batch = batchWithVisits();
  auto& first = batch["visits"][0];
  SUBCASE("visits missing or not an array") {
    batch.erase("visits");
    CHECK(refusal(batch) == "visits: is missing");
    batch["visits"] = "all";
    CHECK(refusal(batch) == "visits: must be an array of at most 500 visits");
  }
  SUBCASE("ε out of range") {
    for (auto epsilon : {nlohmann::json(0), nlohmann::json(-1), nlohmann::json(11),
                         nlohmann::json(0.001), nlohmann::json("ln 3")}) {
      CAPTURE(epsilon.dump());
      batch["epsilon"] = epsilon;
      CHECK(refusal(batch) == "epsilon: must be a number from 0.1 to 5");
    }
  }
  SUBCASE("unknown, repeated or too many kinds") {
    const std::string kinds_error = "visits[0].met: must be an array of distinct friction kinds";
    first["met"] = {"rage_click", "angry_click"};
    CHECK(refusal(batch) == kinds_error);
    first["met"] = {"rage_click", "rage_click"};
    CHECK(refusal(batch) == kinds_error);
    first["met"] = {1};
    CHECK(refusal(batch) == kinds_error);
  }
  SUBCASE("a visit carrying more than a step and kinds") {
    first["session"] = "a81f";
    CHECK(refusal(batch) == R"(visits[0]: unexpected key "session")");
  }
  SUBCASE("a visit step with an id or personal data") {
    first["step"] = "/order/88123";
    CHECK(refusal(batch).rfind("visits[0].step: must not contain an identifier", 0) == 0);
    first["step"] = "/call/+33-6-12-34-56-78";
    CHECK(refusal(batch) ==
          "visits[0].step: must not contain personal data (an email, card, phone number or IBAN)");
  }
}

TEST_CASE("readBatchJson reads a visit's goal and help flag, both optional (older SDKs send neither)") {
  auto batch = batchWithVisits();
  batch.erase("epsilon");  // exact: help may be told
  batch["visits"][0]["goal"] = "purchase";
  batch["visits"][0]["help"] = true;
  batch["visits"][1]["help"] = false;
  ReceivedBatch out;
  std::string error;
  REQUIRE(readBatchJson(batch.dump(), out, error));
  REQUIRE(out.visits.size() == 2);
  CHECK(out.visits[0].goal == "purchase");
  CHECK(out.visits[0].help == 1);
  CHECK(out.visits[1].goal.empty());
  CHECK(out.visits[1].help == 0);
  REQUIRE(readBatchJson(batchWithVisits().dump(), out, error));
  CHECK(out.visits[0].help == -1);  // not told
  CHECK(out.refused == 0);
}

TEST_CASE("readBatchJson refuses a bad goal name, and a help flag in a randomized batch") {
  auto batch = batchWithVisits();
  auto& first = batch["visits"][0];
  SUBCASE("a goal that could carry an id or text") {
    for (const char* goal : {"", "Purchase", "order 12", "a@b.example",
                             "abcdefghijklmnopqrstuvwxyz0123456"}) {
      CAPTURE(goal);
      first["goal"] = goal;
      CHECK(refusal(batch) == "visits[0].goal: must be 1..32 characters of [a-z0-9_-]");
    }
    first["goal"] = 12;
    CHECK(refusal(batch).rfind("visits[0].goal: ", 0) == 0);
  }
  SUBCASE("help told where the answers are scrambled") {
    first["help"] = false;
    CHECK(refusal(batch) == "visits[0].help: only in exact tallies (no epsilon)");
  }
  SUBCASE("help not a boolean") {
    batch.erase("epsilon");
    first["help"] = 1;
    CHECK(refusal(batch) == "visits[0].help: must be true or false");
  }
}
