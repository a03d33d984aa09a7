// Fills a collector database with a month of simulated traffic on the demo shop, so that the
// demo opens on a dashboard worth looking at. Each visitor's journey (shop_journeys.h) runs
// through the SDK's own engine, its batches through the codec and the collector's intake, and
// land in the store with the time they would have arrived. The batches say "simulated" as
// their SDK version, and the site is the one given (default "demo").
//
// Usage: simulate_traffic --db PATH [--days 30] [--visitors-per-day 300] [--site demo]
//                         [--seed 1]
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>
#include <string>

#include "encode/codec.h"
#include "intake/batch_reader.h"
#include "shop_journeys.h"
#include "signal_store.h"
#include "time_text.h"
#include "utc_day.h"

using namespace friction;

namespace {

struct Options {
  std::string db;
  int days = 30;
  int visitors_per_day = 300;
  std::string site = "demo";
  uint64_t seed = 1;
};

bool parse(int argc, char** argv, Options& options) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--db") options.db = value;
    else if (name == "--days") options.days = std::stoi(value);
    else if (name == "--visitors-per-day") options.visitors_per_day = std::stoi(value);
    else if (name == "--site") options.site = value;
    else if (name == "--seed") options.seed = std::stoull(value);
    else return false;
  }
  return !options.db.empty() && options.days > 0 && options.days <= 366 &&
         options.visitors_per_day > 0 && options.visitors_per_day <= 100000;
}

std::string seedHex(std::mt19937_64& random) {
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(random()),
                static_cast<unsigned long long>(random()));
  return hex;
}

struct Tally {
  int64_t batches = 0, signals = 0, visits = 0, refused = 0;
};

// One visitor who accepted signals, landing at `arrival_ms`: their journey through the
// engine, each batch stored as it would have arrived when the page was hidden.
void simulateVisitor(const Options& options, const simulate::ShopDay& day, int64_t arrival_ms,
                     std::mt19937_64& random, collector::SignalStore& store, Tally& tally) {
  Engine engine(EngineConfig{options.site, "", kDefaultRingCapacity, seedHex(random),
                             static_cast<double>(arrival_ms)});
  engine.setConsent("signals");
  simulate::registerShopElements(engine);
  const simulate::ShopDevice device = simulate::deviceFor(random);
  engine.setDevice(device.coarse_pointer, device.viewport_px);
  double t = 0;
  size_t frictions = 0;
  std::string last;
  for (const auto& page : simulate::journeyFor(day, random)) {
    engine.enterStep("https://shop.example" + page.url, t);
    t = page.script(engine, random, t);
    frictions += engine.takeDetections().size();
    last = page.url;
  }
  // The order is placed on checkout, as checkout.js tells friction.goal().
  if (last == "/checkout" && simulate::placesOrder(frictions, random)) engine.goal(simulate::kShopGoal);
  engine.flush(t);
  engine.pageHidden(t);
  for (auto record = engine.takeBatchRecord(); !record.empty(); record = engine.takeBatchRecord()) {
    const auto encoded = encodeBatchRecord(record.data(), record.size());
    ReceivedBatch batch;
    std::string error;
    if (!encoded || !readBatchJson(encoded->json, batch, error)) {
      ++tally.refused;
      continue;
    }
    batch.sdk = "simulated";
    if (store.storeBatch(batch, arrival_ms + static_cast<int64_t>(t), error) !=
        collector::SignalStore::Stored::stored) {
      ++tally.refused;
      continue;
    }
    ++tally.batches;
    tally.signals += static_cast<int64_t>(batch.signals.size());
    tally.visits += static_cast<int64_t>(batch.visits.size());
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::cerr << "usage: simulate_traffic --db PATH [--days 1-366] [--visitors-per-day N] "
                 "[--site demo] [--seed N]\n";
    return 2;
  }
  std::string error;
  auto store = collector::SignalStore::open(options.db, error);
  if (!store) {
    std::cerr << "simulate_traffic: cannot open " << options.db << ": " << error << "\n";
    return 1;
  }
  std::mt19937_64 random(options.seed);
  using collector::kMsPerUtcDay;
  const int64_t today = collector::utcDayOf(collector::nowUnixMs()) * kMsPerUtcDay;
  const int64_t first_day = today - int64_t{options.days} * kMsPerUtcDay;
  // The regression lands a week before the end: new and worsening problems for the last week.
  const simulate::ShopDay shape{0, std::max(0, options.days - 7)};
  Tally tally;
  for (int d = 0; d < options.days; ++d) {
    const simulate::ShopDay day{d, shape.regression_day};
    // Busier on weekdays than at weekends, with some noise.
    const bool weekend = ((first_day / kMsPerUtcDay + d + 4) % 7) >= 5;  // 1970-01-01 was a Thursday
    const int visitors =
        static_cast<int>(options.visitors_per_day * (weekend ? 0.7 : 1.0) *
                         std::uniform_real_distribution<double>(0.85, 1.15)(random));
    for (int v = 0; v < visitors; ++v) {
      const int64_t arrival = first_day + d * kMsPerUtcDay +
                              static_cast<int64_t>(std::uniform_real_distribution<double>(
                                  0, kMsPerUtcDay - 3600000)(random));
      simulateVisitor(options, day, arrival, random, *store, tally);
    }
  }
  std::cout << "simulated " << options.days << " days on site " << options.site << ": "
            << tally.batches << " batches, " << tally.signals << " signals, " << tally.visits
            << " tallies stored";
  if (tally.refused) std::cout << ", " << tally.refused << " refused";
  std::cout << "\n";
  return tally.refused ? 1 : 0;
}
