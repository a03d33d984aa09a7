// The collector's database: retries stored once, schema steps applied to older databases, and
// a database from a newer collector refused rather than misread.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "signal_store.h"
#include "kit/test_batch_id.h"

namespace fs = std::filesystem;
using namespace friction;
using friction::collector::SignalStore;

namespace {

struct TempDb {
  fs::path path = fs::temp_directory_path() /
                  ("friction-store-test-" + std::to_string(getpid()) + "-" + testBatchId() + ".db");
  ~TempDb() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
  }
};

void run(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int result = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  CHECK_MESSAGE(result == SQLITE_OK, (message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
}

int64_t scalar(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const int64_t value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

ReceivedBatch oneRageClick(std::string id) {
  ReceivedBatch batch;
  batch.id = std::move(id);
  batch.site = "demo";
  batch.sdk = "0.1.0";
  batch.signals.push_back({"rage_click", "/product/:id", "button", "9f2c0e4d1a7b3c58", 4, 10, 700, 0.6});
  batch.visits.push_back({"/product/:id", {"rage_click"}});
  return batch;
}

}  // namespace

TEST_CASE("signal store: a retried batch is stored once, signals and visits alike") {
  TempDb temp;
  std::string error;
  auto store = SignalStore::open(temp.path.string(), error);
  REQUIRE_MESSAGE(store, error);
  const auto batch = oneRageClick(testBatchId());
  CHECK(store->storeBatch(batch, 1000, error) == SignalStore::Stored::stored);
  CHECK(store->storeBatch(batch, 2000, error) == SignalStore::Stored::duplicate);
  CHECK(store->storeBatch(oneRageClick(testBatchId()), 3000, error) == SignalStore::Stored::stored);
  CHECK(store->totalSignals() == 2);
  const auto visits = store->visitSums();
  REQUIRE(visits.size() == 1);
  CHECK(visits[0].visits == 2);
  CHECK(visits[0].said_met[static_cast<size_t>(FrictionKind::rage_click)] == 2);
}

TEST_CASE("signal store: a database from before versioning is brought up to date, rows kept") {
  TempDb temp;
  // The schema of the first collector, with one batch in it and no version stamp.
  run(temp.path,
      "CREATE TABLE batches (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, site TEXT NOT "
      "NULL, sdk TEXT NOT NULL, dropped INTEGER NOT NULL, signal_count INTEGER NOT NULL);"
      "CREATE TABLE signals (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, site TEXT NOT "
      "NULL, kind TEXT NOT NULL, step TEXT NOT NULL, role TEXT NOT NULL, target TEXT NOT NULL, "
      "count INTEGER NOT NULL, at_s INTEGER NOT NULL, span_ms INTEGER NOT NULL, score REAL NOT "
      "NULL);"
      "INSERT INTO batches VALUES (1, 5, 'demo', '0.0.9', 0, 1);"
      "INSERT INTO signals VALUES (1, 5, 'demo', 'dead_click', '/cart', 'link', "
      "'0123456789abcdef', 1, 0, 0, 0.3);");
  std::string error;
  auto store = SignalStore::open(temp.path.string(), error);
  REQUIRE_MESSAGE(store, error);
  CHECK(store->totalSignals() == 1);
  CHECK(store->storeBatch(oneRageClick(testBatchId()), 1000, error) == SignalStore::Stored::stored);
  CHECK(store->totalSignals() == 2);
  store.reset();
  CHECK(scalar(temp.path, "PRAGMA user_version") == 10);
  CHECK(scalar(temp.path, "SELECT COUNT(*) FROM batches WHERE batch_id IS NULL") == 1);
  // Opening again changes nothing.
  REQUIRE(SignalStore::open(temp.path.string(), error));
  CHECK(scalar(temp.path, "SELECT COUNT(*) FROM signals") == 2);
}

TEST_CASE("signal store: a database from a newer collector is refused with a reason") {
  TempDb temp;
  run(temp.path, "PRAGMA user_version = 99");
  std::string error;
  CHECK_FALSE(SignalStore::open(temp.path.string(), error));
  CHECK(error.find("schema version 99, newer than this collector knows (10)") != std::string::npos);
}

TEST_CASE("signal store: a commit is synced before the answer (WAL, synchronous FULL)") {
  TempDb temp;
  std::string error;
  auto store = SignalStore::open(temp.path.string(), error);
  REQUIRE_MESSAGE(store, error);
  CHECK(store->synchronousLevel() == 2);  // FULL; NORMAL (1) could lose the last to a power cut
}
