// Benchmarks of the hot path and the codec. Each figure is compared with a baseline measured in
// the same run, so the ratios mean something on a noisy machine.
#include <chrono>
#include <cstdlib>
#include <new>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <zlib.h>

#include "anonymise/randomized_response.h"
#include "encode/signal_batch.h"
#include "dictionary/signal_corpus.h"
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
  EventRing ring(kDefaultRingCapacity);
  double baseline = bestNsPerItem(5, events.size(), [&] {
    for (size_t i = 0; i < events.size(); i += kBatch) {
      for (size_t j = 0; j < kBatch; ++j) ring.push(events[i + j]);
      double sum = 0;
      ring.drain([&](const EventRecord& r) { sum += r.time_ms; });
      sink = sink + sum;
    }
  });

  double engineNs = bestNsPerItem(5, events.size(), [&] {
    Engine engine(EngineConfig{"bench", "", kDefaultRingCapacity, kTestSeed});
    engine.setConsent("signals");
    for (uint32_t id = 1; id <= 40; ++id) engine.registerTarget(id, "button", "#b", kActionable);
    engine.registerTarget(41, "textbox", "#f", kTextField | kInForm);
    for (size_t i = 0; i < events.size(); i += kBatch) {
      for (size_t j = 0; j < kBatch; ++j) engine.ring().push(events[i + j]);
      engine.drain(events[i + kBatch - 1].time_ms);
      engine.takeDetections();
      if (engine.pendingSignals() > 100) engine.takeBatchRecord();
    }
  });
  // Allocations while draining: only detections and signals (rare) may allocate, never events.
  Engine engine(EngineConfig{"bench", "", kDefaultRingCapacity, kTestSeed});
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

size_t gzipSize(const std::string& data) {
  // Level 6 and a gzip header: what CompressionStream("gzip") produces in browsers (zlib).
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::vector<unsigned char> out(deflateBound(&stream, data.size()) + 32);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = out.data();
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  const size_t size = stream.total_out;
  deflateEnd(&stream);
  return size;
}

// Bytes per batch on held-out batches (a corpus seed the dictionary never saw): what the SDK
// sends (zstd with the dictionary, kBatchCompressionLevel) against zstd without it and gzip.
void benchCompression() {
  constexpr int kBatches = 200;
  std::printf("bytes per batch, mean of %d held-out batches (tools/dictionary/signal_corpus.h):\n",
              kBatches);
  std::printf("  signals |  JSON | zstd-%d+dict | zstd-3 | zstd-15 |  gzip | dict/gzip | us per batch (dict)\n",
              kBatchCompressionLevel);
  for (const int n : {1, 5, 20, 100}) {
    double json_bytes = 0, with_dict = 0, plain3 = 0, plain15 = 0, gzip = 0;
    std::vector<std::string> batches;
    for (int i = 0; i < kBatches; ++i) batches.push_back(sampleBatchJson(900000000ULL + i, n));
    for (const auto& json : batches) {
      json_bytes += json.size();
      with_dict += compressBatch(json).size();
      plain3 += compressFrame(json, 3).size();
      plain15 += compressFrame(json, 15).size();
      gzip += gzipSize(json);
    }
    const double ns = bestNsPerItem(5, kBatches, [&] {
      for (const auto& json : batches) compressBatch(json);
    });
    std::printf("  %7d | %5.0f | %11.0f | %6.0f | %7.0f | %5.0f | %9.2f | %.0f\n", n,
                json_bytes / kBatches, with_dict / kBatches, plain3 / kBatches,
                plain15 / kBatches, gzip / kBatches, with_dict / gzip, ns / 1000);
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
  benchCompression();
  benchRandomizedResponse();
  return 0;
}
