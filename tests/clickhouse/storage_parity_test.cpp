// The ClickHouse engine against the SQLite one: the same seeded batches (parity_kit.h) give the
// same answers, view by view, over HTTP.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "clickhouse/clickhouse_storage.h"
#include "parity_kit.h"
#include "shared_servers.h"
#include "sqlite_storage.h"
#include "utc_day.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;
using namespace friction::testing;

TEST_CASE("storage parity: the same batches give the same views on SQLite and ClickHouse") {
  const auto batches = seedBatches();
  const fs::path db = fs::temp_directory_path() /
                      ("friction-parity-" + std::to_string(getpid()) + ".db");
  const std::string url = oneServer().url("parity");
  {
    std::string error;
    auto sqlite = SqliteStorage::open(db.string(), error);
    REQUIRE_MESSAGE(sqlite, error);
    seed({sqlite.get()}, batches, 1);
    auto clickhouse = ClickHouseStorage::open(url, error);
    REQUIRE_MESSAGE(clickhouse, error);
    seed({clickhouse.get()}, batches, 4);
    CHECK(clickhouse->totalSignals() == sqlite->totalSignals());
    CHECK(sqlite->totalSignals() > 1000);
  }

  Collector on_sqlite(optionsFor(db.string(), ""));
  Collector on_clickhouse(optionsFor("", url));
  for (const auto& view : parityViews()) {
    CAPTURE(view);
    const std::string expected = on_sqlite.get(view);
    CHECK(expected.size() > 40);  // not an empty answer compared with another
    CHECK(on_clickhouse.get(view) == expected);
  }
  // The causes compared above are there to compare: form struggles said why (parity_kit.cpp).
  const std::string all = "from=" + formatUtcDay(kFirstDay) +
                          "&to=" + formatUtcDay(kFirstDay + kDays - 1);
  const std::string causes = on_sqlite.get("/v1/problems?" + all + "&kind=form_struggle");
  CHECK(causes.find("\"validation_loop\":") != std::string::npos);
  CHECK(causes.find("\"abandonment\":") != std::string::npos);
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, ignored);
}
