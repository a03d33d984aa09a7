// The core and the collector agree (encode/field_rules.h): whatever a journey makes the core
// write, however odd its URLs, events or times, the collector's reader takes every record of
// it. Random journeys, seeded, so a failure replays.
#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "detect/target_traits.h"
#include "encode/field_rules.h"
#include "intake/batch_reader.h"
#include "intake/handoff_reader.h"
#include "kit/engine_fixtures.h"

using namespace friction;
using namespace friction::testing;

namespace {

constexpr uint64_t kSeed = 20261129;
constexpr int kJourneys = 3000;

class RandomJourney {
 public:
  explicit RandomJourney(uint64_t seed) : rng_(seed) {}

  size_t below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  double uniform(double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng_);
  }

  std::string hex(size_t digits) {
    std::string out;
    for (size_t i = 0; i < digits; ++i) out += "0123456789abcdef"[below(16)];
    return out;
  }

  std::string word() {
    static const char* const kWords[] = {"product", "cart", "checkout", "help", "account",
                                         "orders", "Über-uns", "a", "v2", "search", "x_y.z"};
    return kWords[below(std::size(kWords))];
  }

  // A path segment as sites and visitors make them: words, ids, emails, encoded bytes,
  // parameters, whitespace, control bytes, very long runs.
  std::string segment() {
    switch (below(12)) {
      case 0: return std::to_string(below(1000000000));
      case 1: return "alice" + std::to_string(below(99)) + "@example.com";
      case 2: return "%" + hex(2) + "%" + hex(2) + "%3" + std::to_string(below(10));
      case 3: return ":" + word() + (chance(0.5) ? "-id" : "");
      case 4: return std::string(1 + below(400), "ab-c"[below(4)]);
      case 5: return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
      case 6: return "my page\t" + std::string(1, static_cast<char>(below(32)));
      case 7: return "4111 1111 1111 1111";
      case 8: return "+44 20 7946 0958";
      case 9: return std::string(1, static_cast<char>(below(256))) + word();
      case 10: return ":" + std::to_string(below(100000));
      default: return word();
    }
  }

  std::string url() {
    std::string path;
    const size_t segments = below(20);
    for (size_t i = 0; i < segments; ++i) path += (chance(0.05) ? "//" : "/") + segment();
    if (chance(0.3)) path += "?q=" + segment();
    if (chance(0.2)) path += "#" + segment();
    switch (below(4)) {
      case 0: return "https://shop.example" + path;
      case 1: return path.empty() ? "/" : path;
      case 2: return path.empty() ? "" : path.substr(1);  // no leading '/'
      default: return "http://[::1]:8080" + path;
    }
  }

  std::string role() {
    static const char* const kRoles[] = {"button", "link",      "textbox", "Button",
                                         "menu item", "tab", "", "checkbox-",
                                         "a_role_name_longer_than_thirty_two_letters"};
    return chance(0.1) ? segment() : kRoles[below(std::size(kRoles))];
  }

  // One event at page time t on one of a few targets.
  EventRecord event(double t) {
    const auto target = static_cast<uint32_t>(below(6));
    switch (below(12)) {
      case 0: case 1: case 2: return click(t, 200 + below(3), 120, target);
      case 3: return scroll(t, static_cast<int32_t>(below(5000)));
      case 4: return domChange(t);
      case 5: return focus(t, target);
      case 6: return input(t, target, static_cast<int32_t>(below(40)), 5);
      case 7: return invalid(t, target, 5);
      case 8: return submit(t, 5);
      case 9: return requestEnd(t, static_cast<int32_t>(below(4)), static_cast<int32_t>(below(6)));
      case 10: return jsError(t);
      default: return timing(t, target, static_cast<int32_t>(below(3000)));
    }
  }

 private:
  std::mt19937_64 rng_;
};

struct Tally {
  int batches = 0, signals = 0, at_capped = 0, span_capped = 0, summaries = 0;
};

// Every batch the engine has ready, through the codec, must be read whole by the collector.
void checkBatches(Engine& engine, int journey, Tally& tally) {
  while (const auto encoded = takeEncodedBatch(engine)) {
    ReceivedBatch batch;
    std::string error;
    const bool read = readBatchJson(encoded->json, batch, error);
    REQUIRE_MESSAGE(read, "journey " << journey << ": " << error << "\n" << encoded->json);
    REQUIRE_MESSAGE(batch.refused == 0,
                    "journey " << journey << ": " << batch.first_refusal << "\n" << encoded->json);
    ++tally.batches;
    for (const auto& signal : batch.signals) {
      ++tally.signals;
      tally.at_capped += signal.at_s == field_rules::kMaxAtSeconds;
      tally.span_capped += signal.span_ms == field_rules::kMaxSpanMs;
    }
  }
}

}  // namespace

TEST_CASE("every batch and journey summary the core makes is one the collector takes whole") {
  RandomJourney random(kSeed);
  Tally tally;
  for (int journey = 0; journey < kJourneys; ++journey) {
    Engine engine(EngineConfig{"demo", "", 256, random.hex(32), 1.7e12});
    for (size_t i = random.below(3); i > 0; --i)
      engine.addRoute("/" + random.segment() + "/" + random.segment());
    if (random.chance(0.3)) engine.enableLdp(random.uniform(kMinLdpEpsilon, kMaxLdpEpsilon));
    static const char* const kConsents[] = {"signals", "signals", "counts", "none"};
    engine.setConsent(kConsents[random.below(4)]);
    for (uint32_t target = 1; target < 6; ++target)
      engine.registerTarget(target, random.role(), "main > button.t" + std::to_string(target),
                            static_cast<uint32_t>(random.below(512)));

    double t = random.chance(0.2) ? random.uniform(0, 30 * 86400e3) : 0;
    engine.enterStep(random.url(), t);
    const size_t events = random.below(120);
    for (size_t i = 0; i < events; ++i) {
      // Mostly quick gestures; now and then a pause of hours or days (a tab left open).
      t += random.chance(0.03) ? random.uniform(0, 10 * 86400e3) : random.uniform(0, 400);
      if (!engine.ring().push(random.event(t))) engine.drain(t);
      if (random.chance(0.05)) engine.drain(t);
      if (random.chance(0.02)) engine.enterStep(random.url(), t);
      if (random.chance(0.01)) engine.setConsent(kConsents[random.below(4)]);
      if (random.chance(0.01)) {
        engine.pageHidden(t);
        engine.pageShown();
      }
      if (random.chance(0.02)) checkBatches(engine, journey, tally);
    }
    t += random.uniform(0, 5000);
    engine.drain(t);
    engine.pageHidden(t);
    checkBatches(engine, journey, tally);

    engine.grantJourneyOnce();
    if (const std::string summary = takeJourneySummary(engine, t + random.uniform(0, 3e8));
        !summary.empty()) {
      std::vector<HandoffStep> steps;
      std::string error;
      REQUIRE_MESSAGE(readHandoffSummaryJson(summary, steps, error),
                      "journey " << journey << ": " << error << "\n" << summary);
      ++tally.summaries;
    }
  }
  MESSAGE(kJourneys << " journeys: " << tally.batches << " batches, " << tally.signals
                    << " signals (" << tally.at_capped << " at a week, " << tally.span_capped
                    << " at an hour), " << tally.summaries << " journey summaries, all taken");
  CHECK(tally.batches > kJourneys / 2);
  CHECK(tally.signals > kJourneys);
  CHECK(tally.at_capped > 0);
  CHECK(tally.summaries > 0);
}

TEST_CASE("a tab left open for days and an odd role are written as the collector takes them") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 1.7e12});
  engine.enterStep("/product/8812", 0);
  engine.registerTarget(1, "Menu Item", "main > button", kActionable);
  REQUIRE(engine.setConsent("signals"));
  const double eight_days_ms = 8 * 86400e3;
  pushRageClick(engine, eight_days_ms);
  engine.flush(eight_days_ms + 5000);
  const auto encoded = takeEncodedBatch(engine);
  REQUIRE(encoded);
  ReceivedBatch batch;
  std::string error;
  REQUIRE_MESSAGE(readBatchJson(encoded->json, batch, error), error);
  CHECK(batch.refused == 0);
  REQUIRE(batch.signals.size() == 1);
  CHECK(batch.signals[0].at_s == field_rules::kMaxAtSeconds);
  CHECK(batch.signals[0].role == "menuitem");
}
