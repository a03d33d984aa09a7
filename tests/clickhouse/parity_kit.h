// What the engine parity tests share: batches seeded alike into each engine, a collector over
// HTTP on an engine, and the views compared.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "collector_server.h"
#include "storage.h"

namespace friction::testing {

inline constexpr int64_t kFirstDay = 20400;  // 2025-11-08
inline constexpr int kDays = 14;
inline constexpr const char* kParityToken = "parity-token-0123456789abcdef";

struct Seeded {
  ReceivedBatch batch;
  int64_t at_ms;
};

// Batches as the intake would pass them on, varied in every way a view separates: two sites,
// two weeks, every device class, v1 and v2, randomized and exact tallies, goal tallies, help.
std::vector<Seeded> seedBatches();

// Stores batch i in writers[i % n], `at_once` requests at a time as a collector's worker
// threads would (the ClickHouse engine then groups them into one insert per table); then each
// seventh again (a retry) through the next writer: a duplicate whichever collector gets it;
// then a few hand-offs. SQLite keeps a problem's latest role and name in the order written, so
// it is seeded one at a time, in the order received.
void seed(const std::vector<collector::Storage*>& writers, const std::vector<Seeded>& batches,
          size_t at_once);

// The views compared, with ranges over the seeded days.
std::vector<std::string> parityViews();

collector::CollectorOptions optionsFor(const std::string& db_path, const std::string& store_url,
                                       const std::string& cluster = "");

// A collector on `options`, answering GETs with the views' token.
class Collector {
 public:
  explicit Collector(const collector::CollectorOptions& options);
  ~Collector();
  std::string get(const std::string& path);

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread listening_;
};

}  // namespace friction::testing
