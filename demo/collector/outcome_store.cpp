#include "outcome_store.h"

#include <map>
#include <tuple>
#include <utility>

#include "utc_day.h"

namespace friction::collector {
namespace {

using Key = std::tuple<std::string, std::string, double, std::string>;  // site, step, ε, goal

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
                 "SELECT site, step, epsilon, goal, SUM(views), SUM(quiet) FROM outcome_days "
                 "WHERE day >= ?1 AND day < ?2 AND (?3 = '' OR site = ?3) "
                 "GROUP BY site, step, epsilon, goal",
                 store->select_days_, error) &&
      prepareOne(read_db,
                 "SELECT site, step, epsilon, goal, kind, SUM(said_met) FROM outcome_kinds "
                 "WHERE day >= ?1 AND day < ?2 AND (?3 = '' OR site = ?3) "
                 "GROUP BY site, step, epsilon, goal, kind",
                 store->select_kinds_, error);
  return ok ? std::move(store) : nullptr;
}

OutcomeStore::~OutcomeStore() {
  for (sqlite3_stmt* s : {upsert_day_, upsert_kind_, select_days_, select_kinds_})
    sqlite3_finalize(s);
}

bool OutcomeStore::add(const ReceivedBatch& batch, int64_t received_at_ms) {
  // Summed here first: a batch often holds several tallies of one step.
  std::map<Key, std::pair<int64_t, int64_t>> views;  // views, quiet
  std::map<std::pair<Key, std::string>, int64_t> said_met;
  for (const auto& visit : batch.visits) {
    const Key key{batch.site, visit.step, batch.epsilon, visit.goal};
    auto& [count, quiet] = views[key];
    ++count;
    if (visit.help == 0 && !visit.met.empty()) ++quiet;
    for (const auto& kind : visit.met) ++said_met[{key, kind}];
  }
  const int64_t day = utcDayOf(received_at_ms);
  for (const auto& [key, counts] : views) {
    Reset reset{upsert_day_};
    bindKey(upsert_day_, day, batch.site, key);
    sqlite3_bind_int64(upsert_day_, 6, counts.first);
    sqlite3_bind_int64(upsert_day_, 7, counts.second);
    if (sqlite3_step(upsert_day_) != SQLITE_DONE) return false;
  }
  for (const auto& [key_kind, count] : said_met) {
    Reset reset{upsert_kind_};
    bindKey(upsert_kind_, day, batch.site, key_kind.first);
    sqlite3_bind_text(upsert_kind_, 6, key_kind.second.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(upsert_kind_, 7, count);
    if (sqlite3_step(upsert_kind_) != SQLITE_DONE) return false;
  }
  return true;
}

std::vector<OutcomeSums> OutcomeStore::sums(int64_t from_day, int64_t to_day,
                                            const std::string& site) {
  std::vector<OutcomeSums> rows;
  std::map<Key, size_t> row_of;
  {
    Reset reset{select_days_};
    sqlite3_bind_int64(select_days_, 1, from_day);
    sqlite3_bind_int64(select_days_, 2, to_day);
    sqlite3_bind_text(select_days_, 3, site.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(select_days_) == SQLITE_ROW) {
      OutcomeSums sums;
      sums.site = textOf(select_days_, 0);
      sums.step = textOf(select_days_, 1);
      sums.epsilon = sqlite3_column_double(select_days_, 2);
      sums.goal = textOf(select_days_, 3);
      sums.views = sqlite3_column_int64(select_days_, 4);
      sums.quiet = sqlite3_column_int64(select_days_, 5);
      row_of[{sums.site, sums.step, sums.epsilon, sums.goal}] = rows.size();
      rows.push_back(std::move(sums));
    }
  }
  Reset reset{select_kinds_};
  sqlite3_bind_int64(select_kinds_, 1, from_day);
  sqlite3_bind_int64(select_kinds_, 2, to_day);
  sqlite3_bind_text(select_kinds_, 3, site.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(select_kinds_) == SQLITE_ROW) {
    const auto row = row_of.find({textOf(select_kinds_, 0), textOf(select_kinds_, 1),
                                  sqlite3_column_double(select_kinds_, 2),
                                  textOf(select_kinds_, 3)});
    const auto kind = parseFrictionKind(textOf(select_kinds_, 4));
    if (row != row_of.end() && kind)
      rows[row->second].said_met[static_cast<size_t>(*kind)] +=
          sqlite3_column_int64(select_kinds_, 5);
  }
  return rows;
}

}  // namespace friction::collector
