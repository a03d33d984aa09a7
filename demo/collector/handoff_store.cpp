#include "handoff_store.h"

#include "handoff_text.h"

namespace friction::collector {
namespace {

constexpr int kBusyTimeoutMs = 5000;

}  // namespace

std::unique_ptr<HandoffStore> HandoffStore::open(const std::string& path, std::string& error) {
  sqlite3* db = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<HandoffStore> store(new HandoffStore(db));
  if (opened != SQLITE_OK) {
    error = "cannot open database " + path + " for hand-offs: " +
            (db ? sqlite3_errmsg(db) : "out of memory");
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (sqlite3_open_v2(path.c_str(), &store->read_db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + " for reading hand-offs";
    return nullptr;
  }
  sqlite3_busy_timeout(store->read_db_, kBusyTimeoutMs);
  return store;
}

HandoffStore::~HandoffStore() {
  sqlite3_close(read_db_);
  sqlite3_close(db_);
}

std::string HandoffStore::create(const ReceivedHandoff& handoff, int64_t now_ms,
                                 std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string summary = summaryJson(handoff);
  // A clash of references is rare (31^6 of them); try again with another.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const std::string reference = newReference();
    sqlite3_stmt* insert = nullptr;
    if (sqlite3_prepare_v2(db_,
                           "INSERT INTO handoffs (reference, site, created_at, summary) "
                           "VALUES (?, ?, ?, ?)",
                           -1, &insert, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db_);
      return "";
    }
    sqlite3_bind_text(insert, 1, reference.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, handoff.site.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 3, now_ms);
    if (summary.empty()) sqlite3_bind_null(insert, 4);
    else sqlite3_bind_text(insert, 4, summary.c_str(), -1, SQLITE_TRANSIENT);
    const int result = sqlite3_step(insert);
    sqlite3_finalize(insert);
    if (result == SQLITE_DONE) return reference;
    if (result != SQLITE_CONSTRAINT) break;
  }
  error = sqlite3_errmsg(db_);
  return "";
}

std::vector<StoredHandoff> HandoffStore::recent(size_t limit) {
  std::lock_guard<std::mutex> lock(read_mutex_);
  std::vector<StoredHandoff> rows;
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(read_db_,
                         "SELECT reference, site, created_at, summary FROM handoffs "
                         "ORDER BY created_at DESC, id DESC LIMIT ?",
                         -1, &select, nullptr) != SQLITE_OK)
    return rows;
  sqlite3_bind_int64(select, 1, static_cast<int64_t>(limit));
  while (sqlite3_step(select) == SQLITE_ROW) {
    StoredHandoff row;
    row.reference = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
    row.site = reinterpret_cast<const char*>(sqlite3_column_text(select, 1));
    row.created_at_ms = sqlite3_column_int64(select, 2);
    row.summary = summaryOf(reinterpret_cast<const char*>(sqlite3_column_text(select, 3)));
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(select);
  return rows;
}

}  // namespace friction::collector
