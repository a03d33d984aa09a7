// The ClickHouse client against a private server on this machine: what one insert costs, with a
// pooled keep-alive connection and with a new connection each time, for one row and for 1,000
// rows (ClickHouse wants few large inserts: how few, and how large, follows from these), and the
// same from 4 threads sharing one client. Prints figures; asserts nothing beyond "it worked".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "clickhouse_client.h"
#include "private_clickhouse.h"

using namespace friction::clickhouse;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kOneRowInserts = 300;
constexpr int kBigInserts = 30;
constexpr int kBigRows = 1000;
constexpr int kThreads = 4;
constexpr int kThreadInserts = 25;  // of kBigRows rows each, per thread

struct Figures {
  double median_ms, p95_ms;
};

Figures summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// Rows shaped like the collector's signals: a batch id, a step template, a kind, a time.
std::vector<Json> signalRows(int batch, int count) {
  std::vector<Json> rows;
  for (int i = 0; i < count; ++i) {
    rows.push_back({{"batch_id", "b" + std::to_string(batch) + "-" + std::to_string(count)},
                    {"signal_index", i},
                    {"site", "shop.example"},
                    {"step", "/products/:id/reviews"},
                    {"kind", i % 3 ? "dead_click" : "rage_click"},
                    {"received_ms", 1764460800000LL + batch * 1000 + i}});
  }
  return rows;
}

void check(const Reply& reply) {
  if (!reply.ok()) throw std::runtime_error(std::string(outcomeName(reply.outcome)) + ": " + reply.error);
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

Figures insertLatency(ClickHouseClient& client, int inserts, int rows, int first_batch) {
  std::vector<double> ms;
  for (int i = 0; i < inserts; ++i) {
    auto batch = signalRows(first_batch + i, rows);
    const auto start = Clock::now();
    check(client.insert("signals", batch));
    ms.push_back(msSince(start));
  }
  return summarise(ms);
}

}  // namespace

int main() {
  friction::testing::PrivateClickHouse server;
  std::string error;
  auto url = parseClickHouseUrl(server.url("bench"), error);
  if (!url) throw std::runtime_error(error);

  ClickHouseClient pooled(*url);
  ClientOptions no_pool;
  no_pool.max_idle_connections = 0;  // every call opens (and closes) its own connection
  ClickHouseClient fresh(*url, no_pool);

  check(pooled.createDatabase());
  check(pooled.execute(
      "CREATE TABLE signals (batch_id String, signal_index UInt16, site String, step String, "
      "kind String, received_ms Int64) "
      "ENGINE = ReplacingMergeTree ORDER BY (site, batch_id, signal_index)"));
  check(pooled.insert("signals", signalRows(0, 10)));  // warm up

  std::printf("ClickHouse client bench (private clickhouse-server 18.16, ReplacingMergeTree)\n");
  const Figures one_pooled = insertLatency(pooled, kOneRowInserts, 1, 1000);
  const Figures one_fresh = insertLatency(fresh, kOneRowInserts, 1, 2000);
  std::printf("  1-row insert, keep-alive:      median %.2f ms, p95 %.2f ms (%d inserts)\n",
              one_pooled.median_ms, one_pooled.p95_ms, kOneRowInserts);
  std::printf("  1-row insert, new connection:  median %.2f ms, p95 %.2f ms (%d inserts)\n",
              one_fresh.median_ms, one_fresh.p95_ms, kOneRowInserts);

  const Figures big = insertLatency(pooled, kBigInserts, kBigRows, 3000);
  std::printf("  %d-row insert, keep-alive:  median %.2f ms, p95 %.2f ms (%d inserts): %.0f rows/s\n",
              kBigRows, big.median_ms, big.p95_ms, kBigInserts, kBigRows / big.median_ms * 1000);

  for (ClickHouseClient* client : {&pooled, &fresh}) {
    std::vector<double> select_ms;
    for (int i = 0; i < kOneRowInserts; ++i) {
      const auto start = Clock::now();
      auto rows = client->query("SELECT count() AS n FROM signals");
      if (!rows.ok()) throw std::runtime_error(rows.error);
      select_ms.push_back(msSince(start));
    }
    const Figures select = summarise(select_ms);
    std::printf("  SELECT count(), %s median %.2f ms, p95 %.2f ms\n",
                client == &pooled ? "keep-alive:    " : "new connection:", select.median_ms,
                select.p95_ms);
  }

  // One client shared by 4 threads, as the collector's HTTP workers will share it.
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kThreadInserts; ++i) check(pooled.insert("signals", signalRows(10000 + t * 1000 + i, kBigRows)));
    });
  }
  for (auto& thread : threads) thread.join();
  const double seconds = msSince(start) / 1000;
  std::printf("  %d threads x %d inserts of %d rows, one client: %.2f s, %.0f rows/s\n", kThreads,
              kThreadInserts, kBigRows, seconds, kThreads * kThreadInserts * kBigRows / seconds);
  return 0;
}
