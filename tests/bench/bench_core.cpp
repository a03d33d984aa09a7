// Benchmarks of the hot path and the codec. Each figure is compared with a baseline measured in
// the same run, so the ratios mean something on a noisy machine.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "encode/signal_batch.h"
#include "engine.h"

using namespace friction;
using Clock = std::chrono::steady_clock;

namespace {

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

// Clicks with the statistics of a busy page: mostly single clicks on many targets, some bursts.
std::vector<EventRecord> syntheticClicks(size_t n) {
  std::mt19937 rng(42);
  std::vector<EventRecord> clicks(n);
  double t = 0;
  for (auto& c : clicks) {
    t += std::uniform_real_distribution<double>(50, 1500)(rng);
    uint32_t target = std::uniform_int_distribution<uint32_t>(1, 40)(rng);
    c = EventRecord{t, float(target * 10), 100, target, uint16_t(EventType::click), 0, 0, 0};
  }
  return clicks;
}

void benchDrain() {
  constexpr size_t kBatch = 256, kBatches = 4000;
  const auto clicks = syntheticClicks(kBatch * kBatches);
  volatile double sink = 0;

  // Baseline: read every record once from the same ring, doing nothing with it.
  EventRing ring(1024);
  double baseline = bestNsPerItem(5, clicks.size(), [&] {
    for (size_t i = 0; i < clicks.size(); i += kBatch) {
      for (size_t j = 0; j < kBatch; ++j) ring.push(clicks[i + j]);
      double sum = 0;
      ring.drain([&](const EventRecord& r) { sum += r.time_ms; });
      sink = sink + sum;
    }
  });

  double engineNs = bestNsPerItem(5, clicks.size(), [&] {
    Engine engine(EngineConfig{"bench", "", 1024, {}});
    engine.setConsent("signals");
    for (uint32_t id = 1; id <= 40; ++id) engine.registerTarget(id, "button", "#b");
    for (size_t i = 0; i < clicks.size(); i += kBatch) {
      for (size_t j = 0; j < kBatch; ++j) engine.ring().push(clicks[i + j]);
      engine.drain(clicks[i + kBatch - 1].time_ms);
      engine.takeDetections();
      if (engine.pendingSignals() > 100) engine.takeBatchJson();
    }
  });
  std::printf("drain: %.1f ns/event through the engine, %.1f ns/event ring-only baseline, ratio %.1fx\n",
              engineNs, baseline, engineNs / baseline);
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

}  // namespace

int main() {
  benchDrain();
  benchEncode();
  return 0;
}
