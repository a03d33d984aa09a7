// The visit tallies kept per UTC day for conversion (issue 14): a view's own tallies and the goal
// tallies (the same views told again because their tab went on to reach the site's goal,
// sdk/signals/told_tallies.h), summed per day, site, step, ε and goal, with per-kind counts.
// Only sums: a tally has no identity worth keeping. Tables: outcome_days and outcome_kinds
// (schema step in signal_store.cpp). SignalStore calls it under its own locks.
#pragma once
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "detect/friction_kind.h"
#include "intake/batch_reader.h"

namespace friction::collector {

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

  // Inside the caller's transaction.
  bool add(const ReceivedBatch& batch, int64_t received_at_ms);
  // Summed over the UTC days [from_day, to_day), of one site or of all ("").
  std::vector<OutcomeSums> sums(int64_t from_day, int64_t to_day, const std::string& site);

 private:
  OutcomeStore() = default;
  sqlite3_stmt* upsert_day_ = nullptr;
  sqlite3_stmt* upsert_kind_ = nullptr;
  sqlite3_stmt* select_days_ = nullptr;
  sqlite3_stmt* select_kinds_ = nullptr;
};

}  // namespace friction::collector
