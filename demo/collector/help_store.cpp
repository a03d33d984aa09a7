#include "help_store.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "batch_rollup.h"

namespace friction::collector {

int64_t HelpRow::left() const {
  const int64_t moved = count(HelpEvent::moved_on) + count(HelpEvent::moved_on_after_opening);
  return std::max<int64_t>(0, count(HelpEvent::offered) - moved);
}

const char* helpDaysSelectSql() {
  // A range of days is one contiguous read of the key (day first); filters are empty or equal.
  return "SELECT site, step, kind, event, SUM(count) FROM help_days WHERE day >= ?1 AND day < ?2 "
         "AND (?3 = '' OR site = ?3) AND (?4 = '' OR step = ?4) AND (?5 = '' OR kind = ?5) "
         "GROUP BY site, step, kind, event";
}

std::unique_ptr<HelpStore> HelpStore::prepare(sqlite3* db, sqlite3* read_db, std::string& error) {
  std::unique_ptr<HelpStore> store(new HelpStore());
  const char* upsert =
      "INSERT INTO help_days (day, site, step, kind, event, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (day, site, step, kind, event) DO UPDATE SET count = count + excluded.count";
  const char* select = helpDaysSelectSql();
  if (sqlite3_prepare_v3(db, upsert, -1, SQLITE_PREPARE_PERSISTENT, &store->upsert_, nullptr) !=
          SQLITE_OK ||
      sqlite3_prepare_v3(read_db, select, -1, SQLITE_PREPARE_PERSISTENT, &store->select_,
                         nullptr) != SQLITE_OK) {
    error = sqlite3_errmsg(store->upsert_ ? read_db : db);
    return nullptr;
  }
  return store;
}

HelpStore::~HelpStore() {
  sqlite3_finalize(upsert_);
  sqlite3_finalize(select_);
}

bool HelpStore::add(const std::string& site, const BatchRollup& rollup, int64_t day) {
  for (const auto& [key, count] : rollup.help) {
    const auto& [step, kind, event] = key;
    sqlite3_bind_int64(upsert_, 1, day);
    sqlite3_bind_text(upsert_, 2, site.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(upsert_, 3, step.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(upsert_, 4, kind.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(upsert_, 5, event.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(upsert_, 6, count);
    const bool done = sqlite3_step(upsert_) == SQLITE_DONE;
    sqlite3_reset(upsert_);
    sqlite3_clear_bindings(upsert_);
    if (!done) return false;
  }
  return true;
}

namespace {
std::string text(sqlite3_stmt* statement, int column) {
  const auto* value = sqlite3_column_text(statement, column);
  return value ? reinterpret_cast<const char*>(value) : "";
}
}  // namespace

HelpList HelpStore::list(const ProblemQuery& query) {
  HelpGroups groups;
  sqlite3_bind_int64(select_, 1, query.from_day);
  sqlite3_bind_int64(select_, 2, query.to_day);
  sqlite3_bind_text(select_, 3, query.site.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(select_, 4, query.step.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(select_, 5, query.kind.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(select_) == SQLITE_ROW) {
    const auto event = parseHelpEvent(text(select_, 3));
    if (!event) continue;
    HelpRow& row = groups[{text(select_, 0), text(select_, 1), text(select_, 2)}];
    row.events[static_cast<size_t>(*event)] += sqlite3_column_int64(select_, 4);
  }
  sqlite3_reset(select_);
  sqlite3_clear_bindings(select_);
  return helpListOf(query, std::move(groups));
}

HelpList helpListOf(const ProblemQuery& query, HelpGroups groups) {
  HelpList out;
  out.query = query;
  for (auto& [key, row] : groups) {
    // Fewer offers than k could point at one visitor: not shown, only counted.
    if (row.count(HelpEvent::offered) < query.min_views) {
      ++out.hidden;
      continue;
    }
    std::tie(row.site, row.step, row.kind) = key;
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const HelpRow& a, const HelpRow& b) {
    return a.count(HelpEvent::offered) > b.count(HelpEvent::offered);
  });
  if (out.rows.size() > query.limit) out.rows.resize(query.limit);
  return out;
}

}  // namespace friction::collector
