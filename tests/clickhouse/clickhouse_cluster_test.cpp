// Two servers on this machine as the two shards of friction_cluster: a Distributed table over a
// ReplacingMergeTree on each, sharded by batch id, so a retried batch lands on the shard that
// already has it and FINAL counts it once.
#include <doctest/doctest.h>

#include <set>

#include "shared_servers.h"

using friction::clickhouse::ClickHouseClient;
using friction::clickhouse::Json;
using friction::clickhouse::Outcome;
using friction::clickhouse::outcomeName;
using friction::clickhouse::Settings;
using friction::testing::clientIn;
using friction::testing::twoShards;

namespace {

// Without it an insert into a Distributed table is queued on the receiving server and sent to
// the shards later: acknowledged before the shards have it.
const Settings kSyncInsert = {{"insert_distributed_sync", "1"}};

std::vector<Json> batchRows(const std::string& id, int signals) {
  std::vector<Json> rows;
  for (int i = 0; i < signals; ++i) {
    rows.push_back({{"batch_id", id}, {"signal_index", i}, {"kind", "dead_click"}});
  }
  return rows;
}

uint64_t countOf(ClickHouseClient& client, const std::string& sql) {
  auto rows = client.query(sql);
  REQUIRE_MESSAGE(rows.ok(), rows.error);
  REQUIRE(rows.rows.size() == 1);
  return rows.rows[0]["n"].get<uint64_t>();
}

// The same tables on every shard; each server gets the Distributed table too, so any collector
// may talk to any server.
std::vector<std::unique_ptr<ClickHouseClient>> shardedTables(const std::string& database) {
  std::vector<std::unique_ptr<ClickHouseClient>> shards;
  for (size_t i = 0; i < twoShards().size(); ++i) {
    shards.push_back(clientIn(twoShards().server(i), database));
    auto local = shards.back()->execute(
        "CREATE TABLE signals_local (batch_id String, signal_index UInt16, kind String) "
        "ENGINE = ReplacingMergeTree ORDER BY (batch_id, signal_index)");
    REQUIRE_MESSAGE(local.ok(), local.error);
    auto all = shards.back()->execute(
        "CREATE TABLE signals AS signals_local ENGINE = Distributed(" +
        std::string(friction::testing::kPrivateClusterName) + ", " + database +
        ", signals_local, sipHash64(batch_id))");
    REQUIRE_MESSAGE(all.ok(), all.error);
  }
  return shards;
}

}  // namespace

TEST_CASE("a Distributed table over two shards: rows land on both, a retried batch counts once") {
  auto shards = shardedTables("cluster_test");
  constexpr int kBatches = 40, kSignals = 3;
  for (int b = 0; b < kBatches; ++b) {
    auto stored = shards[0]->insert("signals", batchRows("batch-" + std::to_string(b), kSignals),
                                    kSyncInsert);
    REQUIRE_MESSAGE(stored.ok(), stored.error);
  }
  // Synchronous: every row is on a shard as soon as the insert returned.
  const uint64_t on_first = countOf(*shards[0], "SELECT count() AS n FROM signals_local");
  const uint64_t on_second = countOf(*shards[1], "SELECT count() AS n FROM signals_local");
  CHECK(on_first > 0);
  CHECK(on_second > 0);
  CHECK(on_first + on_second == kBatches * kSignals);
  CHECK(countOf(*shards[1], "SELECT count() AS n FROM signals") == kBatches * kSignals);

  // A batch is whole on one shard.
  for (const std::string id : {"batch-0", "batch-1", "batch-2", "batch-3"}) {
    const std::string where = " WHERE batch_id = '" + id + "'";
    const uint64_t first = countOf(*shards[0], "SELECT count() AS n FROM signals_local" + where);
    const uint64_t second = countOf(*shards[1], "SELECT count() AS n FROM signals_local" + where);
    CHECK(first + second == kSignals);
    CHECK((first == 0 || second == 0));
  }

  // batch-7 retried through the other server (another collector): the same shard takes it.
  const std::string retried = " WHERE batch_id = 'batch-7'";
  const bool was_on_first =
      countOf(*shards[0], "SELECT count() AS n FROM signals_local" + retried) == kSignals;
  auto again = shards[1]->insert("signals", batchRows("batch-7", kSignals), kSyncInsert);
  REQUIRE_MESSAGE(again.ok(), again.error);
  ClickHouseClient& holder = was_on_first ? *shards[0] : *shards[1];
  ClickHouseClient& other = was_on_first ? *shards[1] : *shards[0];
  CHECK(countOf(other, "SELECT count() AS n FROM signals_local" + retried) == 0);
  // Both copies on the holder (or one, if a merge already ran).
  CHECK(countOf(holder, "SELECT count() AS n FROM signals_local" + retried) >= kSignals);

  // FINAL through the Distributed table is applied on each shard: the retry counts once.
  for (auto& shard : shards) {
    CHECK(countOf(*shard, "SELECT count() AS n FROM signals FINAL") == kBatches * kSignals);
    CHECK(countOf(*shard, "SELECT uniqExact(batch_id) AS n FROM signals") == kBatches);
  }
}

TEST_CASE("a Distributed insert with a shard down is unreachable, and lands once it is back") {
  auto shards = shardedTables("cluster_down_test");
  auto& second = twoShards().server(1);
  second.stop();
  // Enough batches that some are for the stopped shard.
  std::vector<Json> rows;
  for (int b = 0; b < 20; ++b) {
    for (Json& row : batchRows("down-" + std::to_string(b), 1)) rows.push_back(std::move(row));
  }
  auto refused = shards[0]->insert("signals", rows, kSyncInsert);
  CHECK_MESSAGE(refused.outcome == Outcome::unreachable, outcomeName(refused.outcome), ": ",
                refused.error);
  second.start();
  auto stored = shards[0]->insert("signals", rows, kSyncInsert);
  REQUIRE_MESSAGE(stored.ok(), stored.error);
  // Whatever part of the refused insert reached the live shard is counted once with FINAL.
  CHECK(countOf(*shards[0], "SELECT count() AS n FROM signals FINAL") == rows.size());
}
