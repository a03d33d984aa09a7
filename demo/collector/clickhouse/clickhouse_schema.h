// The collector's tables on ClickHouse, in SQL that 18.16 (Debian 12) and current servers both
// accept: no TTL (18.16 has none: retention drops day partitions), no LowCardinality, no
// DEFAULT expressions on insert (18.16 ignores them for JSONEachRow: every column is sent).
//
// No raw signal rows: no view reads them (the views read the rollups), and each would cost
// ClickHouse a row to insert and merge; a batch's signals live on as its problem days.
//
// Exactly once: every table holding what a batch added keeps the batch's id in its sorting key
// and is a ReplacingMergeTree, so the rows of a batch stored twice (a retry whose answer was
// lost, a retry after an insert that failed half-way) have the same key and collapse into one.
// Merges do that in the background; a reader must read with FINAL, which collapses what is not
// merged yet. Before inserting, the intake also asks which of its batch ids are stored already
// and answers those as duplicates, so that a retry costs nothing. Each table is partitioned by
// the UTC day a batch was received, which retention drops whole.
#pragma once
#include <string>
#include <vector>

namespace friction::clickhouse {

class ClickHouseClient;

// The tables, in the order the intake fills them: `batches` last, so that a batch whose id is
// found stored has all of its rows stored.
inline constexpr const char* kBatchTables[] = {"problem_days",  "visit_days", "visit_kinds",
                                               "outcome_days",  "outcome_kinds", "help_days",
                                               "problem_cause_days", "batches"};
// Every table partitioned by day (retention drops their old partitions).
inline constexpr const char* kDayTables[] = {
    "problem_days", "visit_days", "visit_kinds", "outcome_days", "outcome_kinds",
    "help_days",    "batches",    "handoffs",    "problem_alerts", "problem_cause_days"};

// Where the tables live. One server: the tables themselves. A cluster (shards named in the
// servers' <remote_servers>): on the server the collector talks to, each table is `X_local`,
// holding this shard's rows, and `X`, a Distributed table over every shard's `X_local`. A
// batch's rows all go to one shard (sharded by its id), so FINAL, which collapses rows within a
// shard, still collapses a retried batch. ClickHouse 18.16 cannot create tables ON CLUSTER
// without ZooKeeper: each shard's local tables are made by a collector pointed at that server.
struct SchemaLayout {
  std::string database;
  std::string cluster;  // empty: one server
  bool distributed() const { return !cluster.empty(); }
  // The table that holds this server's rows of `table`.
  std::string localTable(const std::string& table) const {
    return distributed() ? table + "_local" : table;
  }
};

// The CREATE TABLE statements of every step, each IF NOT EXISTS.
std::vector<std::string> schemaStatements(const SchemaLayout& layout);

// Creates the database and the tables the collector needs, taking the schema steps this server
// has not taken yet (recorded in its table schema_steps); false and `error` if ClickHouse
// refused or could not be reached (`unreachable` says which).
bool createSchema(ClickHouseClient& client, const SchemaLayout& layout, std::string& error,
                  bool& unreachable);

}  // namespace friction::clickhouse
