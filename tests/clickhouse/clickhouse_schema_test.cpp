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
  CHECK(count(*client, "SELECT count() AS n FROM schema_steps") == 2);
  CHECK(count(*client, "SELECT max(step) AS n FROM schema_steps") == 2);
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
