// The collector's schema on ClickHouse: made by the first collector, its steps taken once
// however many collectors open the database, on one server or as a shard of a cluster.
#include <doctest/doctest.h>

#include <string>

#include "clickhouse/clickhouse_schema.h"
#include "clickhouse/clickhouse_storage.h"
#include "shared_servers.h"

using namespace friction;
using namespace friction::testing;

namespace {

int64_t count(clickhouse::ClickHouseClient& client, const std::string& sql) {
  const auto rows = client.query(sql);
  REQUIRE_MESSAGE(rows.ok(), rows.error);
  return rows.rows.at(0).at("n").get<int64_t>();
}

}  // namespace

TEST_CASE("schema: made once, its steps recorded once, whoever opens the database") {
  std::string error;
  for (int opened = 0; opened < 3; ++opened) {
    auto storage = collector::ClickHouseStorage::open(oneServer().url("schema"), error);
    REQUIRE_MESSAGE(storage, error);
  }
  auto client = clientIn(oneServer(), "schema");
  CHECK(count(*client, "SELECT count() AS n FROM schema_steps") == 3);
  CHECK(count(*client, "SELECT max(step) AS n FROM schema_steps") == 3);
  const int64_t tables = static_cast<int64_t>(std::size(clickhouse::kDayTables));
  CHECK(count(*client, "SELECT count() AS n FROM system.tables WHERE database = 'schema' AND "
                       "name != 'schema_steps'") == tables);
}

TEST_CASE("schema: a shard holds local tables and Distributed ones over the cluster") {
  clickhouse::SchemaLayout layout{"db", "friction_cluster"};
  const auto statements = clickhouse::schemaStatements(layout);
  CHECK(statements.size() == 2 * std::size(clickhouse::kDayTables));
  CHECK(statements[0].rfind("CREATE TABLE IF NOT EXISTS batches_local (", 0) == 0);
  CHECK(statements[1] ==
        "CREATE TABLE IF NOT EXISTS batches AS batches_local ENGINE = Distributed("
        "friction_cluster, db, batches_local, sipHash64(batch_id))");
  CHECK(clickhouse::schemaStatements({"db", ""}).size() == std::size(clickhouse::kDayTables));
}

TEST_CASE("schema: a server set up before causes (steps 1 and 2) takes step 3 and keeps its rows") {
  std::string error;
  {
    auto storage = collector::ClickHouseStorage::open(oneServer().url("schema_two"), error);
    REQUIRE_MESSAGE(storage, error);
  }
  auto client = clientIn(oneServer(), "schema_two");
  // Back to what a collector from before issue 16 left: two steps taken, no causes table.
  for (const char* statement :
       {"DROP TABLE problem_cause_days", "DROP TABLE schema_steps",
        "CREATE TABLE schema_steps (step UInt32, taken_at DateTime) ENGINE = MergeTree "
        "ORDER BY step",
        "INSERT INTO schema_steps VALUES (1, now()), (2, now())",
        "INSERT INTO problem_days (day, site, step, kind, target, pointer, width, batch_id, "
        "received_at, role, name, views, signals, events) VALUES (today(), 'shop', '/pay', "
        "'form_struggle', '00000000000000aa', 0, 0, 'b1', 1, 'textbox', '', 1, 1, 1)"}) {
    const auto reply = client->execute(statement);
    REQUIRE_MESSAGE(reply.ok(), reply.error);
  }
  {
    auto storage = collector::ClickHouseStorage::open(oneServer().url("schema_two"), error);
    REQUIRE_MESSAGE(storage, error);
  }
  CHECK(count(*client, "SELECT max(step) AS n FROM schema_steps") == 3);
  CHECK(count(*client, "SELECT count() AS n FROM system.tables WHERE database = 'schema_two' AND "
                       "name = 'problem_cause_days'") == 1);
  CHECK(count(*client, "SELECT count() AS n FROM problem_days") == 1);
}
