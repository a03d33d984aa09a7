#include <doctest/doctest.h>
#include <zstd.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "intake/frame_decoder.h"
#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;

namespace {

// As the collector reads it: with the dictionary the frame's header names.
std::string decompress(const std::vector<uint8_t>& frame) {
  std::string out, error;
  REQUIRE_MESSAGE(decompressFrame(std::string_view(reinterpret_cast<const char*>(frame.data()),
                                                   frame.size()),
                                  1 << 20, out, error),
                  error);
  return out;
}

Engine rageOnProductPage(const char* consent) {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("https://shop.example/product/8812?coupon=SECRET#x", 0);
  engine.registerTarget(1, "button", "main > form#coupon-8812 > button.apply", kActionable);
  REQUIRE(engine.setConsent(consent));
  for (int i = 0; i < 4; ++i) pushClick(engine, 12000 + i * 250.0);
  return engine;
}
}  // namespace

TEST_CASE("a rage click is told to the page at once, on its step") {
  Engine engine = rageOnProductPage("none");
  CHECK(engine.drain(12800) == 1);
  auto detections = engine.takeDetections();
  REQUIRE(detections.size() == 1);
  CHECK(detections[0].kind == FrictionKind::rage_click);
  CHECK(detections[0].step == "/product/:id");
  CHECK(detections[0].target == 1);
  CHECK(detections[0].at_ms == 12500);
  CHECK(engine.takeDetections().empty());
}

TEST_CASE("without consent nothing is queued and no batch is made") {
  Engine engine = rageOnProductPage("none");
  engine.flush(20000);
  CHECK(engine.pendingSignals() == 0);
  CHECK(takeBatchFrame(engine).empty());
}

TEST_CASE("with consent the episode becomes one anonymised signal in a zstd frame") {
  Engine engine = rageOnProductPage("signals");
  engine.drain(12800);
  CHECK(engine.pendingSignals() == 0);  // the burst may still go on
  engine.drain(14000);                  // > 1 s after the last click: the episode closes
  CHECK(engine.pendingSignals() == 1);
  auto frame = takeBatchFrame(engine);
  REQUIRE(frame.size() > 4);
  CHECK(frame[0] == 0x28);
  CHECK(frame[3] == 0xFD);
  const std::string json = decompress(frame);
  auto batch = nlohmann::json::parse(json);
  CHECK(batch["v"] == 2);
  CHECK(batch["site"] == "demo");
  REQUIRE(batch["signals"].size() == 1);
  auto signal = batch["signals"][0];
  CHECK(signal["kind"] == "rage_click");
  CHECK(signal["step"] == "/product/:id");
  CHECK(signal["role"] == "button");
  CHECK(signal["count"] == 4);
  CHECK(signal["at_s"] == 10);
  CHECK(signal["span_ms"] == 800);
  CHECK(signal["score"] == doctest::Approx(0.6));
  CHECK(signal["target"].get<std::string>().size() == 16);
  for (const char* secret : {"8812", "SECRET", "coupon", "apply", "shop.example"})
    CHECK_MESSAGE(json.find(secret) == std::string::npos, secret);
  CHECK(takeBatchFrame(engine).empty());  // handed over once
}

TEST_CASE("withdrawing consent drops what is unsent") {
  Engine engine = rageOnProductPage("signals");
  engine.flush(13000);
  CHECK(engine.pendingSignals() == 1);
  CHECK(engine.setConsent("none"));
  CHECK(engine.pendingSignals() == 0);
  CHECK_FALSE(engine.setConsent("everything"));
  CHECK(engine.consent() == Consent::none);
}

TEST_CASE("a route change closes the open burst on the step it belongs to") {
  Engine engine = rageOnProductPage("signals");
  engine.enterStep("/checkout", 12900);
  CHECK(engine.step() == "/checkout");
  auto json = nlohmann::json::parse(takeBatchJson(engine));
  CHECK(json["signals"][0]["step"] == "/product/:id");
}

TEST_CASE("routes only: the engine's steps are the declared routes or /other") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.routesOnly(true);
  REQUIRE(engine.addRoute("/product/:id"));
  engine.enterStep("https://shop.example/u/jane-doe", 0);
  CHECK(engine.step() == "/other");
  engine.enterStep("https://shop.example/product/8812", 10);
  CHECK(engine.step() == "/product/:id");
}

TEST_CASE("thresholds are set by detector and name, within their ranges") {
  Engine engine(EngineConfig{});
  CHECK(engine.setThreshold("rage_click.min_clicks", 5));
  CHECK(engine.setThreshold("quick_back.max_dwell_ms", 5000));
  CHECK_FALSE(engine.setThreshold("rage_click.min_clicks", 1000));
  CHECK_FALSE(engine.setThreshold("rage_click", 5));
  CHECK_FALSE(engine.setThreshold("nothing.min_clicks", 5));
  CHECK_FALSE(engine.setThreshold("rage_click.nothing", 5));
}

TEST_CASE("the dead-click window is also where slow responses end") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed});
  REQUIRE(engine.setThreshold("dead_click.window_ms", 4000));
  engine.registerTarget(1, "button", "#b", kActionable);
  pushClick(engine, 1000);
  CHECK(engine.ring().push(domChange(4200)));
  engine.drain(9000);
  auto detections = engine.takeDetections();
  REQUIRE(detections.size() == 1);  // answered after 3.2 s: slow, since dead needs 4 s now
  CHECK(detections[0].kind == FrictionKind::slow_response);
}

TEST_CASE("a quick back is told on the step that was left, as a page-level signal") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1e12});
  REQUIRE(engine.setConsent("signals"));
  engine.enterStep("/products", 0);
  engine.enterStep("/product/123", 1000);
  engine.enterStep("/products", 3000);
  auto detections = engine.takeDetections();
  REQUIRE(detections.size() == 1);
  CHECK(detections[0].kind == FrictionKind::quick_back);
  CHECK(detections[0].step == "/product/:id");
  auto batch = nlohmann::json::parse(takeBatchJson(engine));
  CHECK(batch["signals"][0]["kind"] == "quick_back");
  CHECK(batch["signals"][0]["step"] == "/product/:id");
  CHECK(batch["signals"][0]["role"] == "page");
  CHECK(batch["signals"][0]["span_ms"] == 2000);
}

TEST_CASE("the engine tells JS when it next needs to look, without new events") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed});
  engine.registerTarget(1, "button", "#b", kActionable);
  CHECK(engine.nextDeadline() == kNoDeadline);
  pushClick(engine, 1000);
  engine.drain(1000);
  const double deadline = engine.nextDeadline();
  CHECK(deadline > 1000);
  CHECK(deadline < 1000 + 5000);
}

TEST_CASE("what crosses page loads is wall-clock time, from an origin JS may tell again") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("/cart", 1000);
  CHECK(engine.journeyState(1000).rfind("1700000001000|/cart\n", 0) == 0);
  // Back from a sleep the page clock did not count: the origin moves on; NaN changes nothing.
  engine.setTimeOrigin(std::nan(""));
  engine.setTimeOrigin(1.7e12 + 3600000);
  engine.setTimeOrigin(std::numeric_limits<double>::infinity());
  engine.enterStep("/checkout", 2000);
  CHECK(engine.journeyState(2000).rfind("1700000001000|/cart\n1700003602000|/checkout\n", 0) == 0);

  Engine broken(EngineConfig{"demo", "", 64, kTestSeed, std::nan("")});
  broken.enterStep("/cart", 1000);
  CHECK(broken.journeyState(1000).rfind("1000|/cart\n", 0) == 0);
}
