#include "clickhouse_schema.h"

#include "clickhouse_client.h"

namespace friction::clickhouse {
namespace {

struct Table {
  std::string name;
  std::string definition;   // columns and engine, after the name
  std::string shard_key;    // for the Distributed table of a cluster
};

// A table of what batches added: replaced on its key (batch_id last), one partition a day.
Table batchTable(const std::string& name, const std::string& columns, const std::string& key) {
  return {name,
          "(day Date, " + columns + ") ENGINE = ReplacingMergeTree PARTITION BY day ORDER BY (" +
              key + ")",
          "sipHash64(batch_id)"};
}

std::vector<Table> tables() {
  return {
      batchTable("batches",
                 "batch_id String, received_at Int64, site String, sdk String, dropped UInt32, "
                 "signal_count UInt32, pointer String, width String",
                 "batch_id"),
      // role and name: the batch's last; the views take the latest received.
      batchTable("problem_days",
                 "site String, step String, kind String, target String, pointer UInt8, "
                 "width UInt8, batch_id String, received_at Int64, role String, name String, "
                 "views UInt64, signals UInt64, events UInt64",
                 "day, site, step, kind, target, pointer, width, batch_id"),
      batchTable("visit_days",
                 "site String, step String, epsilon Float64, batch_id String, received_at Int64, "
                 "visits UInt64",
                 "day, site, step, epsilon, batch_id"),
      batchTable("visit_kinds",
                 "site String, step String, epsilon Float64, kind String, batch_id String, "
                 "said_met UInt64",
                 "day, site, step, epsilon, kind, batch_id"),
      batchTable("outcome_days",
                 "site String, step String, epsilon Float64, goal String, batch_id String, "
                 "views UInt64, quiet UInt64",
                 "day, site, step, epsilon, goal, batch_id"),
      batchTable("outcome_kinds",
                 "site String, step String, epsilon Float64, goal String, kind String, "
                 "batch_id String, said_met UInt64",
                 "day, site, step, epsilon, goal, kind, batch_id"),
      batchTable("help_days",
                 "site String, step String, kind String, event String, batch_id String, "
                 "count UInt64",
                 "day, site, step, kind, event, batch_id"),
      // A hand-off is written once, by one request: no key to replace on.
      {"handoffs",
       "(day Date, reference String, site String, created_at Int64, summary String) "
       "ENGINE = MergeTree PARTITION BY day ORDER BY (created_at, reference)",
       "rand()"},
      // The alerts' ledger (alert_ledger.h): one row per problem and week, whoever sent it.
      // Read as a set, so a row twice (on two shards) does no harm.
      {"problem_alerts",
       "(day Date, site String, step String, kind String, target String, week Int64, "
       "sent_at Int64) ENGINE = ReplacingMergeTree PARTITION BY day "
       "ORDER BY (site, step, kind, target, week)",
       "rand()"},
  };
}

// Step 3 (issue 16): why. A problem day's signals that told a cause, per cause, beside the
// problem day rather than in it (the SQLite engine's schema step 10 says why); keyed like it.
std::vector<Table> causeTables() {
  return {
      batchTable("problem_cause_days",
                 "site String, step String, kind String, target String, pointer UInt8, "
                 "width UInt8, cause String, batch_id String, signals UInt64",
                 "day, site, step, kind, target, pointer, width, cause, batch_id"),
  };
}

std::vector<std::string> createStatements(const std::vector<Table>& tables,
                                          const SchemaLayout& layout) {
  std::vector<std::string> out;
  for (const Table& table : tables) {
    out.push_back("CREATE TABLE IF NOT EXISTS " + layout.localTable(table.name) + " " +
                  table.definition);
    if (layout.distributed())
      out.push_back("CREATE TABLE IF NOT EXISTS " + table.name + " AS " +
                    layout.localTable(table.name) + " ENGINE = Distributed(" + layout.cluster +
                    ", " + layout.database + ", " + layout.localTable(table.name) + ", " +
                    table.shard_key + ")");
  }
  return out;
}

}  // namespace

std::vector<std::string> schemaStatements(const SchemaLayout& layout) {
  std::vector<std::string> out = createStatements(tables(), layout);
  for (auto& statement : createStatements(causeTables(), layout)) out.push_back(statement);
  return out;
}

bool createSchema(ClickHouseClient& client, const SchemaLayout& layout, std::string& error,
                  bool& unreachable) {
  // The schema's steps, oldest first; a server records the steps it has taken. A later change
  // is a new step (ALTER ... ADD COLUMN, a new table), never an edit of an old one. Steps are
  // idempotent (IF NOT EXISTS), since two collectors may start at once.
  std::vector<std::vector<std::string>> steps = {createStatements(tables(), layout)};
  // 2: no raw signal rows (clickhouse_schema.h); step 1 made them on servers set up before.
  steps.push_back({"DROP TABLE IF EXISTS signals"});
  if (layout.distributed()) steps.back().push_back("DROP TABLE IF EXISTS signals_local");
  // 3: a problem day's causes (causeTables).
  steps.push_back(createStatements(causeTables(), layout));
  Reply reply = client.createDatabase();
  if (reply.ok())
    reply = client.execute(
        "CREATE TABLE IF NOT EXISTS schema_steps (step UInt32, taken_at DateTime) "
        "ENGINE = MergeTree ORDER BY step");
  size_t taken = 0;
  if (reply.ok()) {
    const auto rows = client.query("SELECT max(step) AS n FROM schema_steps");
    reply = {rows.outcome, rows.error, ""};
    if (rows.ok() && !rows.rows.empty()) taken = rows.rows.front().at("n").get<size_t>();
  }
  for (size_t step = taken; reply.ok() && step < steps.size(); ++step) {
    for (size_t i = 0; reply.ok() && i < steps[step].size(); ++i)
      reply = client.execute(steps[step][i]);
    if (reply.ok())
      reply = client.execute("INSERT INTO schema_steps VALUES (" + std::to_string(step + 1) +
                             ", now())");
  }
  unreachable = reply.outcome == Outcome::unreachable;
  if (!reply.ok()) error = "ClickHouse schema: " + reply.error;
  return reply.ok();
}

}  // namespace friction::clickhouse
