// The visit tallies kept per UTC day for conversion (issue 14): a view's own tallies and the goal
// tallies (the same views told again because their tab went on to reach the site's goal,
// sdk/signals/told_tallies.h), summed per day, site, step, ε and goal, with per-kind counts.
// Only sums: a tally has no identity worth keeping. Tables: outcome_days and outcome_kinds
// (schema step in signal_store.cpp). SignalStore calls it under its own locks.
#pragma once
#include <sqlite3.h>

#include <array>
#include <map>
#include <tuple>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "day_cache.h"
#include "detect/friction_kind.h"
#include "intake/batch_reader.h"

namespace friction::collector {

struct BatchRollup;

// One site's step, one ε (0: exact), one goal ("" for the views' own tallies), over some days.
struct OutcomeSums {
  std::string site, step, goal;
  double epsilon = 0;
  int64_t views = 0;
  // Exact tallies that told help was not asked and met some friction: the silent ones.
  int64_t quiet = 0;
  std::array<int64_t, kFrictionKindCount> said_met{};  // by FrictionKind
};

class OutcomeStore {
 public:
  // Statements for writes on `db`, for reads on `read_db`; nullptr and `error` on failure.
  static std::unique_ptr<OutcomeStore> prepare(sqlite3* db, sqlite3* read_db, std::string& error);
  ~OutcomeStore();
  OutcomeStore(const OutcomeStore&) = delete;
  OutcomeStore& operator=(const OutcomeStore&) = delete;

  // What `rollup` (of `batch`) adds, inside the caller's transaction.
  bool add(const ReceivedBatch& batch, const BatchRollup& rollup, int64_t received_at_ms);
  // Summed over the UTC days [from_day, to_day), of one site or of all (""). Under the
  // caller's read lock.
  std::vector<OutcomeSums> sums(int64_t from_day, int64_t to_day, const std::string& site);
  // Tells that a committed write changed `day`'s outcome days. Any thread, no lock needed.
  void dayChanged(int64_t day) { days_.markChanged(day); }

 private:
  // site, step, ε, goal: the key of a sum, held once and named by its index in keys_.
  using Key = std::tuple<std::string, std::string, double, std::string>;
  struct DayRow {
    size_t key;
    int64_t views = 0, quiet = 0;
    std::array<int64_t, kFrictionKindCount> said_met{};
  };
  OutcomeStore() = default;
  size_t keyIndex(Key key);
  // The outcome days of `day`, held or read.
  const std::vector<DayRow>& dayRows(int64_t day);
  DayCache<DayRow> days_;
  std::vector<Key> keys_;
  std::map<Key, size_t> key_index_;
  sqlite3_stmt* upsert_day_ = nullptr;
  sqlite3_stmt* upsert_kind_ = nullptr;
  sqlite3_stmt* select_days_ = nullptr;
  sqlite3_stmt* select_kinds_ = nullptr;
  sqlite3_stmt* select_oldest_day_ = nullptr;
};

}  // namespace friction::collector
