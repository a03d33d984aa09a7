#include "sqlite_retention.h"

#include <sqlite3.h>

namespace friction::collector {
namespace {

// Rows go a few thousand at a time (problem days a day at a time): each DELETE holds the write
// lock only briefly.
constexpr int kRowsPerStep = 5000;

// Each selects the rowids of up to ?2 rows older than ?1.
struct Deletion {
  const char* sql;
  // A table that exists only once a feature was used (alerts): skipped until then.
  const char* only_if_table = nullptr;
};
constexpr Deletion kDeletions[] = {
    {"DELETE FROM signals WHERE id IN "
     "(SELECT id FROM signals WHERE received_at < ?1 LIMIT ?2)"},
    {"DELETE FROM batches WHERE id IN "
     "(SELECT id FROM batches WHERE received_at < ?1 LIMIT ?2)"},
    // A problem day goes once the whole day is older: the cutoff's own day stays. One day per
    // step, found through the table's day order: the table has no rowid, and a row-value IN on
    // its key searches by day alone (EXPLAIN), one day's rows per row deleted.
    {"DELETE FROM problem_days WHERE day = "
     "(SELECT MIN(day) FROM problem_days WHERE day < ?1 / 86400000) AND ?2 IS NOT NULL"},
    {"DELETE FROM problem_cause_days WHERE day = "
     "(SELECT MIN(day) FROM problem_cause_days WHERE day < ?1 / 86400000) AND ?2 IS NOT NULL"},
    // A problem goes with its last day: last seen before the cutoff's day. (Its first_seen
    // stays as it was while it lives on: the first time it was ever seen.)
    {"DELETE FROM problems WHERE id IN "
     "(SELECT id FROM problems WHERE last_seen < ?1 / 86400000 * 86400000 LIMIT ?2)"},
    {"DELETE FROM handoffs WHERE id IN "
     "(SELECT id FROM handoffs WHERE created_at < ?1 LIMIT ?2)"},
    // A visit sum has no per-visit times: it goes once its last visit is older.
    {"DELETE FROM visit_totals WHERE rowid IN "
     "(SELECT rowid FROM visit_totals WHERE last_seen < ?1 LIMIT ?2)"},
    {"DELETE FROM visit_kinds WHERE rowid IN (SELECT k.rowid FROM visit_kinds k WHERE NOT EXISTS "
     "(SELECT 1 FROM visit_totals t WHERE t.site = k.site AND t.step = k.step AND "
     "t.epsilon = k.epsilon) LIMIT ?2) AND ?1 IS NOT NULL"},
    // The alerts sent name their problems (alert_ledger.h). A retention under a week lets a
    // problem be alerted again within the week: the retention is the promise that holds.
    // The table has no rowid and stays small (at most ten rows an hour): one statement.
    {"DELETE FROM problem_alerts WHERE sent_at < ?1 AND ?2 IS NOT NULL", "problem_alerts"},
    // The conversion tallies (outcome_store.h) go as problem days do: a whole day at a time.
    {"DELETE FROM outcome_days WHERE day = "
     "(SELECT MIN(day) FROM outcome_days WHERE day < ?1 / 86400000) AND ?2 IS NOT NULL"},
    {"DELETE FROM outcome_kinds WHERE day = "
     "(SELECT MIN(day) FROM outcome_kinds WHERE day < ?1 / 86400000) AND ?2 IS NOT NULL"},
    // Help days go as problem days do: a whole day at a time, once it is older than the cutoff's.
    {"DELETE FROM help_days WHERE day = "
     "(SELECT MIN(day) FROM help_days WHERE day < ?1 / 86400000) AND ?2 IS NOT NULL"},
};

bool tableExists(sqlite3* db, const char* table) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1,
                     &statement, nullptr);
  sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
  const bool exists = sqlite3_step(statement) == SQLITE_ROW;
  sqlite3_finalize(statement);
  return exists;
}

}  // namespace

int64_t deleteStoredBefore(sqlite3* db, int64_t cutoff_ms, std::string& error) {
  int64_t deleted = 0;
  for (const auto& [sql, only_if_table] : kDeletions) {
    if (only_if_table && !tableExists(db, only_if_table)) continue;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db);
      return -1;
    }
    int result = SQLITE_DONE;
    do {
      sqlite3_reset(statement);
      sqlite3_bind_int64(statement, 1, cutoff_ms);
      sqlite3_bind_int(statement, 2, kRowsPerStep);
      result = sqlite3_step(statement);
      if (result == SQLITE_DONE) deleted += sqlite3_changes(db);
    } while (result == SQLITE_DONE && sqlite3_changes(db) > 0);
    sqlite3_finalize(statement);
    if (result != SQLITE_DONE) {
      error = sqlite3_errmsg(db);
      return -1;
    }
  }
  return deleted;
}

}  // namespace friction::collector
