// One client shared by the collector's HTTP worker threads: concurrent inserts all land, and a
// pooled keep-alive connection left idle past ClickHouse's keep-alive timeout is not reused.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "shared_servers.h"

using friction::clickhouse::Json;
using friction::testing::clientIn;
using friction::testing::oneServer;

TEST_CASE("inserts from 4 threads through one client all land") {
  auto client = clientIn(oneServer(), "threads_test");
  REQUIRE(client->execute("CREATE TABLE landed (thread UInt8, batch UInt16, row UInt16) "
                          "ENGINE = MergeTree ORDER BY (thread, batch, row)").ok());
  constexpr int kThreads = 4, kBatches = 25, kRows = 10;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<Json> rows;
        for (int r = 0; r < kRows; ++r) rows.push_back({{"thread", t}, {"batch", b}, {"row", r}});
        if (!client->insert("landed", rows).ok()) ++failures;
        // Reads in between, as the dashboard does while the intake writes.
        if (b % 5 == 0 && !client->query("SELECT count() AS n FROM landed").ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 0);
  auto counts = client->query(
      "SELECT thread, count() AS n, uniqExact(batch) AS batches FROM landed GROUP BY thread "
      "ORDER BY thread");
  REQUIRE_MESSAGE(counts.ok(), counts.error);
  REQUIRE(counts.rows.size() == kThreads);
  for (int t = 0; t < kThreads; ++t) {
    CHECK(counts.rows[t]["thread"] == t);
    CHECK(counts.rows[t]["n"] == kBatches * kRows);
    CHECK(counts.rows[t]["batches"] == kBatches);
  }
}

TEST_CASE("a call after the server closed its idle keep-alive connection still succeeds") {
  auto client = clientIn(oneServer(), "threads_test");
  REQUIRE(client->query("SELECT 1 AS one").ok());
  // ClickHouse's keep_alive_timeout is 3 s: by now it has closed the pooled connection.
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  auto again = client->query("SELECT 2 AS two");
  REQUIRE_MESSAGE(again.ok(), again.error);
  CHECK(again.rows[0]["two"] == 2);
}
