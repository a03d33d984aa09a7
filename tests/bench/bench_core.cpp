// Benchmarks of the hot path and the codec. Each figure is compared with a baseline measured in
// the same run, so the ratios mean something on a noisy machine.
#include <chrono>
#include <cstdlib>
#include <new>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "anonymise/randomized_response.h"
#include "encode/signal_batch.h"
#include "engine.h"

using namespace friction;
using Clock = std::chrono::steady_clock;

// Counts heap allocations, to show that the hot path makes none per event.
static size_t g_allocations = 0;
void* operator new(size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace {
// Browser randomness stands in as a fixed value: tests must be repeatable.
constexpr const char* kTestSeed = "00112233445566778899aabbccddeeff";

template <typename Work>
double bestNsPerItem(int repeats, size_t items, Work&& work) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    auto start = Clock::now();
    work();
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    best = std::min(best, ns / static_cast<double>(items));
  }
  return best;
}

// A mixed stream with the proportions of a busy page: mostly pointer moves, then scrolls, DOM
// changes, clicks on many targets (some in bursts), inputs.
std::vector<EventRecord> syntheticEvents(size_t n) {
  std::mt19937 rng(42);
  std::vector<EventRecord> events(n);
  double t = 0;
  float x = 500, y = 400;
  int32_t scroll = 0;
  for (auto& e : events) {
    t += std::uniform_real_distribution<double>(2, 20)(rng);
    const int pick = std::uniform_int_distribution<int>(0, 99)(rng);
    const uint32_t target = std::uniform_int_distribution<uint32_t>(1, 40)(rng);
    if (pick < 70) {
      x += std::uniform_real_distribution<float>(-8, 8)(rng);
      y += std::uniform_real_distribution<float>(-8, 8)(rng);
      e = EventRecord{t, x, y, 0, uint16_t(EventType::pointer_move), 0, 0, 0};
    } else if (pick < 85) {
      scroll += std::uniform_int_distribution<int32_t>(-40, 120)(rng);
      e = EventRecord{t, 0, 0, 0, uint16_t(EventType::scroll), 0, scroll, 0};
    } else if (pick < 92) {
      e = EventRecord{t, 0, 0, 0, uint16_t(EventType::dom_change), 0, 3, 0};
    } else if (pick < 97) {
      e = EventRecord{t, float(target * 10), 100, target, uint16_t(EventType::click), 0, 1, 0};
    } else {
      e = EventRecord{t, 0, 0, 41, uint16_t(EventType::input), 0, pick, 42};
    }
  }
  return events;
}

void benchDrain() {
  constexpr size_t kBatch = 256, kBatches = 8000;
  const auto events = syntheticEvents(kBatch * kBatches);
  volatile double sink = 0;

  // Baseline: read every record once from the same ring, doing nothing with it.
  EventRing ring(4096);
  double baseline = bestNsPerItem(5, events.size(), [&] {
    for (size_t i = 0; i < events.size(); i += kBatch) {
      for (size_t j = 0; j < kBatch; ++j) ring.push(events[i + j]);
      double sum = 0;
      ring.drain([&](const EventRecord& r) { sum += r.time_ms; });
      sink = sink + sum;
    }
  });

  double engineNs = bestNsPerItem(5, events.size(), [&] {
    Engine engine(EngineConfig{"bench", "", 4096, kTestSeed});
    engine.setConsent("signals");
    for (uint32_t id = 1; id <= 40; ++id) engine.registerTarget(id, "button", "#b", kActionable);
    engine.registerTarget(41, "textbox", "#f", kTextField | kInForm);
    for (size_t i = 0; i < events.size(); i += kBatch) {
      for (size_t j = 0; j < kBatch; ++j) engine.ring().push(events[i + j]);
      engine.drain(events[i + kBatch - 1].time_ms);
      engine.takeDetections();
      if (engine.pendingSignals() > 100) engine.takeBatchJson();
    }
  });
  // Allocations while draining: only detections and signals (rare) may allocate, never events.
  Engine engine(EngineConfig{"bench", "", 4096, kTestSeed});
  for (uint32_t id = 1; id <= 40; ++id) engine.registerTarget(id, "button", "#b", kActionable);
  size_t detections = 0;
  const size_t before = g_allocations;
  for (size_t i = 0; i < events.size(); i += kBatch) {
    for (size_t j = 0; j < kBatch; ++j) engine.ring().push(events[i + j]);
    engine.drain(events[i + kBatch - 1].time_ms);
    detections += engine.takeDetections().size();
  }
  std::printf("allocations while draining %zu events: %zu (detections told: %zu)\n", events.size(),
              g_allocations - before, detections);
  std::printf("drain, all detectors: %.1f ns/event = %.1f M events/s; ring-only baseline %.1f ns/event; ratio %.1fx\n",
              engineNs, 1000.0 / engineNs, baseline, engineNs / baseline);
}

void benchEncode() {
  std::vector<Signal> signals;
  for (int i = 0; i < 50; ++i)
    signals.push_back(Signal{FrictionKind::rage_click, "/product/:id", "button",
                             0x9f2c0e4d1a7b3c58ULL + i, uint32_t(3 + i % 5), uint32_t(i * 10),
                             700, 0.6});
  BatchHeader header{"bench", "0.1.0", 0};
  std::string json;
  double jsonNs = bestNsPerItem(20, 1, [&] { json = encodeBatchJson(header, signals); });
  std::printf("encode 50 signals: JSON %zu B in %.1f us\n", json.size(), jsonNs / 1000);
  for (int level : {1, 3, 9}) {
    std::vector<uint8_t> frame;
    double zNs = bestNsPerItem(20, 1, [&] { frame = compressFrame(json, level); });
    std::printf("  zstd -%d: %zu B (%.1f%% of JSON) in %.1f us, %.2fx the JSON encoding time\n",
                level, frame.size(), 100.0 * frame.size() / json.size(), zNs / 1000,
                zNs / jsonNs);
  }
}

// What randomized response costs in accuracy: simulated visitors, 20% of whom met a friction,
// each telling it with probability p; the collector's estimate against the truth.
void benchRandomizedResponse() {
  for (const double epsilon : {0.5, kDefaultLdpEpsilon, 2.0}) {
    for (const int visits : {1000, 10000, 100000}) {
      KeyedRandom random(SipKey{static_cast<uint64_t>(visits), 2026});
      int truly = 0, said_yes = 0;
      for (int i = 0; i < visits; ++i) {
        const bool met = random.uniform() < 0.2;
        truly += met;
        said_yes += randomizedAnswer(met, epsilon, random);
      }
      const auto estimate = estimateTrueCount(said_yes, visits, epsilon);
      std::printf(
          "randomized response eps=%.2f (p=%.2f), %6d visits: true share %5.2f%%, estimated "
          "%5.2f%% +- %.2f (95%%)\n",
          epsilon, truthProbability(epsilon), visits, 100.0 * truly / visits,
          100 * estimate.count / visits, 100 * 1.96 * estimate.standard_error / visits);
    }
  }
}

}  // namespace

int main() {
  benchDrain();
  benchEncode();
  benchRandomizedResponse();
  return 0;
}
