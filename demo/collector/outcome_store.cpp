#include "outcome_store.h"

#include <algorithm>
#include <climits>
#include <map>
#include <tuple>
#include <utility>

#include "batch_rollup.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

std::string textOf(sqlite3_stmt* statement, int column) {
  const auto* text = sqlite3_column_text(statement, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// Resets the statement however the caller leaves.
struct Reset {
  sqlite3_stmt* statement;
  ~Reset() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

bool prepareOne(sqlite3* db, const char* sql, sqlite3_stmt*& out, std::string& error) {
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &out, nullptr) == SQLITE_OK)
    return true;
  error = sqlite3_errmsg(db);
  return false;
}

template <typename Key>
void bindKey(sqlite3_stmt* s, int64_t day, const std::string& site, const Key& key) {
  sqlite3_bind_int64(s, 1, day);
  sqlite3_bind_text(s, 2, site.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 3, std::get<1>(key).c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double(s, 4, std::get<2>(key));
  sqlite3_bind_text(s, 5, std::get<3>(key).c_str(), -1, SQLITE_TRANSIENT);
}

}  // namespace

std::unique_ptr<OutcomeStore> OutcomeStore::prepare(sqlite3* db, sqlite3* read_db,
                                                    std::string& error) {
  std::unique_ptr<OutcomeStore> store(new OutcomeStore());
  const bool ok =
      prepareOne(db,
                 "INSERT INTO outcome_days (day, site, step, epsilon, goal, views, quiet) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                 "ON CONFLICT (day, site, step, epsilon, goal) DO UPDATE SET "
                 "views = views + excluded.views, quiet = quiet + excluded.quiet",
                 store->upsert_day_, error) &&
      prepareOne(db,
                 "INSERT INTO outcome_kinds (day, site, step, epsilon, goal, kind, said_met) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                 "ON CONFLICT (day, site, step, epsilon, goal, kind) DO UPDATE SET "
                 "said_met = said_met + excluded.said_met",
                 store->upsert_kind_, error) &&
      prepareOne(read_db,
                 "SELECT site, step, epsilon, goal, views, quiet FROM outcome_days "
                 "WHERE day = ?1",
                 store->select_days_, error) &&
      prepareOne(read_db,
                 "SELECT site, step, epsilon, goal, kind, said_met FROM outcome_kinds "
                 "WHERE day = ?1",
                 store->select_kinds_, error) &&
      prepareOne(read_db, "SELECT MIN(day) FROM outcome_days", store->select_oldest_day_, error);
  return ok ? std::move(store) : nullptr;
}

OutcomeStore::~OutcomeStore() {
  for (sqlite3_stmt* s :
       {upsert_day_, upsert_kind_, select_days_, select_kinds_, select_oldest_day_})
    sqlite3_finalize(s);
}

bool OutcomeStore::add(const ReceivedBatch& batch, const BatchRollup& rollup,
                       int64_t received_at_ms) {
  const int64_t day = utcDayOf(received_at_ms);
  for (const auto& [step_goal, part] : rollup.outcomes) {
    const auto& [step, goal] = step_goal;
    const Key key{batch.site, step, batch.epsilon, goal};
    {
      Reset reset{upsert_day_};
      bindKey(upsert_day_, day, batch.site, key);
      sqlite3_bind_int64(upsert_day_, 6, part.views);
      sqlite3_bind_int64(upsert_day_, 7, part.quiet);
      if (sqlite3_step(upsert_day_) != SQLITE_DONE) return false;
    }
    for (const auto& [kind, count] : part.said_met) {
      Reset reset{upsert_kind_};
      bindKey(upsert_kind_, day, batch.site, key);
      sqlite3_bind_text(upsert_kind_, 6, kind.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(upsert_kind_, 7, count);
      if (sqlite3_step(upsert_kind_) != SQLITE_DONE) return false;
    }
  }
  return true;
}

size_t OutcomeStore::keyIndex(Key key) {
  const auto [at, added] = key_index_.emplace(key, keys_.size());
  if (added) keys_.push_back(std::move(key));
  return at->second;
}

const std::vector<OutcomeStore::DayRow>& OutcomeStore::dayRows(int64_t day) {
  if (const auto* held = days_.find(day)) return *held;
  std::vector<DayRow> rows;
  std::map<size_t, size_t> row_of;  // key → its row
  {
    Reset reset{select_days_};
    sqlite3_bind_int64(select_days_, 1, day);
    while (sqlite3_step(select_days_) == SQLITE_ROW) {
      DayRow row;
      row.key = keyIndex({textOf(select_days_, 0), textOf(select_days_, 1),
                          sqlite3_column_double(select_days_, 2), textOf(select_days_, 3)});
      row.views = sqlite3_column_int64(select_days_, 4);
      row.quiet = sqlite3_column_int64(select_days_, 5);
      row_of[row.key] = rows.size();
      rows.push_back(row);
    }
  }
  Reset reset{select_kinds_};
  sqlite3_bind_int64(select_kinds_, 1, day);
  while (sqlite3_step(select_kinds_) == SQLITE_ROW) {
    const auto row = row_of.find(keyIndex({textOf(select_kinds_, 0), textOf(select_kinds_, 1),
                                           sqlite3_column_double(select_kinds_, 2),
                                           textOf(select_kinds_, 3)}));
    const auto kind = parseFrictionKind(textOf(select_kinds_, 4));
    if (row != row_of.end() && kind)
      rows[row->second].said_met[static_cast<size_t>(*kind)] +=
          sqlite3_column_int64(select_kinds_, 5);
  }
  return days_.hold(day, std::move(rows));
}

std::vector<OutcomeSums> OutcomeStore::sums(int64_t from_day, int64_t to_day,
                                            const std::string& site) {
  int64_t oldest = INT64_MAX;  // no day stored before it
  {  // Retention deletes from below, on its own connection.
    Reset reset{select_oldest_day_};
    if (sqlite3_step(select_oldest_day_) == SQLITE_ROW &&
        sqlite3_column_type(select_oldest_day_, 0) != SQLITE_NULL)
      oldest = sqlite3_column_int64(select_oldest_day_, 0);
    days_.dropStale(oldest);
  }
  // Summed at the key's index; a key of a day read is in keys_ by then.
  std::vector<DayRow> summed;
  std::vector<char> seen;
  for (int64_t day = std::max(from_day, oldest); day < to_day; ++day) {
    for (const DayRow& row : dayRows(day)) {
      if (!site.empty() && std::get<0>(keys_[row.key]) != site) continue;
      if (row.key >= summed.size()) {
        summed.resize(row.key + 1);
        seen.resize(row.key + 1, 0);
      }
      DayRow& sum = summed[row.key];
      seen[row.key] = 1;
      sum.views += row.views;
      sum.quiet += row.quiet;
      for (size_t kind = 0; kind < sum.said_met.size(); ++kind)
        sum.said_met[kind] += row.said_met[kind];
    }
  }
  std::vector<OutcomeSums> rows;
  for (size_t key = 0; key < summed.size(); ++key) {
    if (!seen[key]) continue;
    OutcomeSums sums;
    std::tie(sums.site, sums.step, sums.epsilon, sums.goal) = keys_[key];
    sums.views = summed[key].views;
    sums.quiet = summed[key].quiet;
    sums.said_met = summed[key].said_met;
    rows.push_back(std::move(sums));
  }
  // In key order, as the GROUP BY it replaces gave them: callers may rely on a stable order.
  std::sort(rows.begin(), rows.end(), [](const OutcomeSums& a, const OutcomeSums& b) {
    return std::tie(a.site, a.step, a.epsilon, a.goal) < std::tie(b.site, b.step, b.epsilon, b.goal);
  });
  return rows;
}

}  // namespace friction::collector
