#include "alert_ledger.h"

#include <sqlite3.h>

namespace friction::collector {
namespace {

// Writes wait for intake's short transactions rather than fail.
constexpr int kBusyTimeoutMs = 5000;

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS problem_alerts ("
    "site TEXT NOT NULL, step TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, "
    "week INTEGER NOT NULL, "  // the UTC day (days since 1970-01-01) the alerted week starts
    "sent_at INTEGER NOT NULL, "  // unix ms
    "PRIMARY KEY (site, step, kind, target, week)) WITHOUT ROWID";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr); }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

std::string column(sqlite3_stmt* statement, int index) {
  const auto* text = sqlite3_column_text(statement, index);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<size_t>(sqlite3_column_bytes(statement, index)))
              : std::string();
}

void bind(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

}  // namespace

std::unique_ptr<AlertLedger> AlertLedger::open(const std::string& db_path, std::string& error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    error = "cannot open database " + db_path + " for alerts: " +
            (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  std::unique_ptr<AlertLedger> ledger(new AlertLedger(db));
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
    error = std::string("alerts: ") + sqlite3_errmsg(db);
    return nullptr;
  }
  return ledger;
}

AlertLedger::~AlertLedger() { sqlite3_close(db_); }

bool AlertLedger::alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys,
                                    std::string& error) {
  Statement select(db_, "SELECT site, step, kind, target FROM problem_alerts "
                        "WHERE week > ?1 - 7 AND week <= ?1");
  if (!select.get()) return (error = sqlite3_errmsg(db_)), false;
  sqlite3_bind_int64(select.get(), 1, week_from_day);
  int result;
  while ((result = sqlite3_step(select.get())) == SQLITE_ROW)
    keys.insert({column(select.get(), 0), column(select.get(), 1), column(select.get(), 2),
                 column(select.get(), 3)});
  if (result != SQLITE_DONE) return (error = sqlite3_errmsg(db_)), false;
  return true;
}

bool AlertLedger::record(const std::vector<Problem>& alerts, int64_t week_from_day,
                         int64_t sent_at_ms, std::string& error) {
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return (error = sqlite3_errmsg(db_)), false;
  bool ok = true;
  {
    Statement insert(db_, "INSERT OR IGNORE INTO problem_alerts "
                          "(site, step, kind, target, week, sent_at) VALUES (?, ?, ?, ?, ?, ?)");
    ok = insert.get() != nullptr;
    for (size_t i = 0; ok && i < alerts.size(); ++i) {
      const Problem& problem = alerts[i];
      sqlite3_reset(insert.get());
      bind(insert.get(), 1, problem.site);
      bind(insert.get(), 2, problem.step);
      bind(insert.get(), 3, problem.kind);
      bind(insert.get(), 4, problem.target);
      sqlite3_bind_int64(insert.get(), 5, week_from_day);
      sqlite3_bind_int64(insert.get(), 6, sent_at_ms);
      ok = sqlite3_step(insert.get()) == SQLITE_DONE;
    }
    if (!ok) error = sqlite3_errmsg(db_);
  }
  if (ok && sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    error = sqlite3_errmsg(db_);
    ok = false;
  }
  if (!ok) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return ok;
}

}  // namespace friction::collector
