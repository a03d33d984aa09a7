#include "sqlite_storage.h"

#include <sqlite3.h>

#include "sqlite_retention.h"

namespace friction::collector {

std::unique_ptr<SqliteStorage> SqliteStorage::open(const std::string& path, std::string& error) {
  std::unique_ptr<SqliteStorage> storage(new SqliteStorage());
  // The signal store first: it applies the schema steps the others rely on.
  storage->signals_ = SignalStore::open(path, error);
  if (!storage->signals_) return nullptr;
  storage->handoffs_ = HandoffStore::open(path, error);
  if (!storage->handoffs_) return nullptr;
  storage->ledger_ = AlertLedger::open(path, error);
  if (!storage->ledger_) return nullptr;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + " for retention: " +
            (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kRetentionBusyTimeoutMs);
  storage->retention_db_ = db;
  return storage;
}

SqliteStorage::~SqliteStorage() { sqlite3_close(retention_db_); }

int64_t SqliteStorage::deleteStoredBefore(int64_t cutoff_ms, std::string& error) {
  std::lock_guard<std::mutex> lock(retention_mutex_);
  return collector::deleteStoredBefore(retention_db_, cutoff_ms, error);
}

bool SqliteStorage::alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys,
                                      std::string& error) {
  std::lock_guard<std::mutex> lock(ledger_mutex_);
  return ledger_->alertedWithinWeek(week_from_day, keys, error);
}

bool SqliteStorage::recordAlerts(const std::vector<Problem>& alerts, int64_t week_from_day,
                                 int64_t sent_at_ms, std::string& error) {
  std::lock_guard<std::mutex> lock(ledger_mutex_);
  return ledger_->record(alerts, week_from_day, sent_at_ms, error);
}

}  // namespace friction::collector
