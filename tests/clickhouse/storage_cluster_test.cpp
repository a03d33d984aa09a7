// Two ClickHouse servers, the two shards of one cluster, and two collectors, one on each: the
// collectors write and read through Distributed tables, batches and their retries come in
// through either, and the views of both equal those of one SQLite collector fed alike.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "clickhouse/clickhouse_storage.h"
#include "parity_kit.h"
#include "shared_servers.h"
#include "sqlite_storage.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;
using namespace friction::testing;

namespace {

int64_t countOn(PrivateClickHouse& server, const std::string& sql) {
  auto client = clientIn(server, "sharded");
  const auto rows = client->query(sql);
  REQUIRE_MESSAGE(rows.ok(), rows.error);
  return rows.rows.at(0).at("n").get<int64_t>();
}

}  // namespace

TEST_CASE("cluster: two collectors on two shards give the views of one SQLite collector") {
  auto& cluster = twoShards();
  const auto batches = seedBatches();
  const fs::path db = fs::temp_directory_path() /
                      ("friction-cluster-" + std::to_string(getpid()) + ".db");
  const std::string url0 = cluster.server(0).url("sharded");
  const std::string url1 = cluster.server(1).url("sharded");
  {
    std::string error;
    auto sqlite = SqliteStorage::open(db.string(), error);
    REQUIRE_MESSAGE(sqlite, error);
    seed({sqlite.get()}, batches, 1);
    // Each collector makes the local tables of its own server.
    auto shard0 = ClickHouseStorage::open(url0, error, kPrivateClusterName);
    REQUIRE_MESSAGE(shard0, error);
    auto shard1 = ClickHouseStorage::open(url1, error, kPrivateClusterName);
    REQUIRE_MESSAGE(shard1, error);
    seed({shard0.get(), shard1.get()}, batches, 4);
    CHECK(shard0->totalSignals() == sqlite->totalSignals());
    CHECK(shard1->totalSignals() == sqlite->totalSignals());
  }
  // Both shards hold a part of the batches, and no batch is on both.
  const int64_t on0 = countOn(cluster.server(0), "SELECT count() AS n FROM batches_local FINAL");
  const int64_t on1 = countOn(cluster.server(1), "SELECT count() AS n FROM batches_local FINAL");
  CHECK(on0 > 200);
  CHECK(on1 > 200);
  CHECK(on0 + on1 == static_cast<int64_t>(batches.size()));

  Collector on_sqlite(optionsFor(db.string(), ""));
  Collector on_shard0(optionsFor("", url0, kPrivateClusterName));
  Collector on_shard1(optionsFor("", url1, kPrivateClusterName));
  for (const auto& view : parityViews()) {
    CAPTURE(view);
    const std::string expected = on_sqlite.get(view);
    CHECK(expected.size() > 40);
    CHECK(on_shard0.get(view) == expected);
    CHECK(on_shard1.get(view) == expected);
  }
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, ignored);
}
