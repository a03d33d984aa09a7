// The ClickHouse engine when ClickHouse is down, and under concurrent intake: nothing is
// acknowledged that is not stored, the views say the store is unreachable (503) rather than
// show zeros, and a batch sent by many requests at once is stored once.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "clickhouse/clickhouse_storage.h"
#include "collector_server.h"
#include "encode/signal_batch.h"
#include "shared_servers.h"
#include "utc_day.h"

using namespace friction;
using namespace friction::collector;

namespace {

constexpr const char* kToken = "faults-token-0123456789abcdef";

ReceivedBatch batchNumbered(int n) {
  ReceivedBatch b;
  b.id = std::to_string(n);
  b.id.insert(0, 32 - b.id.size(), 'f');
  b.site = "shop";
  b.sdk = "0.1.0";
  b.version = 2;
  ReceivedSignal s;
  s.kind = "rage_click";
  s.step = "/cart";
  s.role = "button";
  s.target = "00000000000000aa";
  s.count = 3;
  s.first = true;
  b.signals = {s, s};
  b.visits = {{"/cart", {"rage_click"}, 0, ""}};
  return b;
}

}  // namespace

TEST_CASE("clickhouse engine: a batch sent by many requests at once is stored once") {
  std::string error;
  auto storage = ClickHouseStorage::open(testing::oneServer().url("concurrent"), error);
  REQUIRE_MESSAGE(storage, error);
  constexpr int kBatches = 200, kThreads = 4;
  std::atomic<int> stored{0}, duplicates{0}, other{0};
  std::vector<std::thread> threads;
  // Every thread sends every batch: each one is stored by exactly one of them.
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::string thread_error;
      for (int n = 0; n < kBatches; ++n) {
        const int number = (n + t * 50) % kBatches;
        switch (storage->storeBatch(batchNumbered(number), 1764460800000 + number,
                                    thread_error)) {
          case Stored::stored: ++stored; break;
          case Stored::duplicate: ++duplicates; break;
          default: ++other;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(other == 0);
  CHECK(stored == kBatches);
  CHECK(duplicates == kBatches * (kThreads - 1));
  CHECK(storage->totalSignals() == 2 * kBatches);
  ProblemQuery query;
  query.from_day = utcDayOf(1764460800000);
  query.to_day = query.from_day + 1;
  const auto list = storage->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 2 * kBatches);  // two first marks a batch
  CHECK(list.problems[0].signals == 2 * kBatches);
}

TEST_CASE("clickhouse engine: ClickHouse down gives 503 with Retry-After, and loses nothing") {
  auto& server = testing::oneServer();
  CollectorOptions options;
  options.root = FRICTION_SOURCE_DIR;
  options.store_url = server.url("faults");
  options.access_token = kToken;
  options.retention_days = 0;
  options.sites = {"shop=http://shop.test"};
  httplib::Server http;
  std::string error;
  REQUIRE_MESSAGE(setUpCollector(http, options, error), error);
  const int port = http.bind_to_any_port("127.0.0.1");
  std::thread listening([&] { http.listen_after_bind(); });
  while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  httplib::Client client("127.0.0.1", port);
  client.set_bearer_token_auth(kToken);
  client.set_read_timeout(30, 0);

  // A second engine on the same database, to store and read around the collector.
  auto storage = ClickHouseStorage::open(server.url("faults"), error);
  REQUIRE_MESSAGE(storage, error);
  const int64_t now = 1764460800000;
  REQUIRE(storage->storeBatch(batchNumbered(1), now, error) == Stored::stored);
  auto summary = client.Get("/v1/summary");
  REQUIRE(summary);
  CHECK(summary->status == 200);

  server.stop();
  const auto started = std::chrono::steady_clock::now();
  CHECK(storage->storeBatch(batchNumbered(2), now, error) == Stored::unavailable);
  CHECK(error.find("ClickHouse") != std::string::npos);
  CHECK_THROWS_AS(storage->visitSums(), StoreUnreachable);
  for (const char* view : {"/v1/summary", "/v1/problems", "/dashboard", "/v1/handoffs"}) {
    CAPTURE(view);
    const auto res = client.Get(view);
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(res->get_header_value("Retry-After") == "30");
    CHECK(res->body.find("cannot be reached") != std::string::npos);
  }
  // A batch POSTed as the SDK sends it: 503 and when to come back, nothing acknowledged.
  const auto frame = compressBatch(encodeBatchJson(
      {"shop", "0.1.0", 0, 0, "0123456789abcdef0123456789abcdef"},
      {{FrictionKind::rage_click, "/cart", "button", 0xaaULL, 3, 10, 700, 0.6}}));
  httplib::Headers from_shop{{"Origin", "http://shop.test"}};
  const auto posted = client.Post("/v1/signals", from_shop,
                                  std::string(frame.begin(), frame.end()), "application/zstd");
  REQUIRE(posted);
  CHECK(posted->status == 503);
  CHECK(posted->get_header_value("Retry-After") == "30");
  // Down is found out fast: a refused connection, not a timeout.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));

  server.start();
  // The SDK's retry of the batch refused while down: stored once, now.
  CHECK(storage->storeBatch(batchNumbered(2), now + 30000, error) == Stored::stored);
  CHECK(storage->storeBatch(batchNumbered(2), now + 60000, error) == Stored::duplicate);
  const auto again = client.Post("/v1/signals", from_shop,
                                 std::string(frame.begin(), frame.end()), "application/zstd");
  REQUIRE(again);
  CHECK(again->status == 202);  // accepted, as every stored batch
  CHECK(again->body.find("\"stored\":1") != std::string::npos);
  CHECK(storage->totalSignals() == 5);
  summary = client.Get("/v1/summary");
  REQUIRE(summary);
  CHECK(summary->status == 200);
  http.stop();
  listening.join();
}

TEST_CASE("clickhouse engine: a batch ClickHouse refuses costs the batches beside it nothing") {
  std::string error;
  auto storage = ClickHouseStorage::open(testing::oneServer().url("refused"), error);
  REQUIRE_MESSAGE(storage, error);
  // Sent together, so that they share the writer's groups; one is not valid UTF-8, which
  // could not be sent: it fails alone, and none of its rows is stored.
  std::vector<std::thread> threads;
  std::atomic<int> stored{0}, failed{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      std::string thread_error;
      for (int n = 0; n < 20; ++n) {
        ReceivedBatch batch = batchNumbered(1000 + t * 20 + n);
        if (t == 3 && n == 7) batch.sdk = "\xff\xfe";
        const Stored result = storage->storeBatch(batch, 1764460800000, thread_error);
        if (result == Stored::stored) ++stored;
        if (result == Stored::failed) ++failed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(stored == 159);
  CHECK(failed == 1);
  CHECK(storage->totalSignals() == 2 * 159);
}
