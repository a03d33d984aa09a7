// The problems query (problems.h) over the rollups kept at intake (the problems and problem_days
// tables of signal_store.cpp). Its statements live on the store's read connection; SignalStore::problems
// calls it under the read lock, so it takes none itself.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>

#include "problem_day_cache.h"
#include "problems.h"

namespace friction::collector {

// Whether `views` over a period is a rise or a fall against `previous_views` over the period
// before, or neither (the rule and its reasons are at the top of problem_store.cpp).
ProblemTrend trendOf(int64_t views, int64_t previous_views);

// The statements that read the problem days of a range, and the problems a filter keeps (of
// every site or of one): shown so that tests and the bench can EXPLAIN them.
std::string problemDaysSql();
std::string problemIdsSql(bool one_site);

class ProblemStore {
 public:
  // Prepares the statements on `read_db`; nullptr and `error` if that fails.
  static std::unique_ptr<ProblemStore> prepare(sqlite3* read_db, std::string& error);
  ~ProblemStore();
  ProblemStore(const ProblemStore&) = delete;
  ProblemStore& operator=(const ProblemStore&) = delete;

  // Sums over [from_day, to_day); ranked, suppressed below min_views, capped at limit.
  ProblemList problems(const ProblemQuery& query);

  // Tells that a committed write changed `day`'s problem days. Any thread, no lock needed.
  void dayChanged(int64_t day) { days_.markChanged(day); }

 private:
  ProblemStore() = default;
  // The problem days of `day`, held or read.
  const std::vector<DayRow>& dayRows(int64_t day);

  ProblemDayCache days_;
  // Every problem day of [from, to), in day order: integers only.
  sqlite3_stmt* select_days_ = nullptr;
  sqlite3_stmt* select_oldest_day_ = nullptr;
  // The ids of the problems a filter keeps, of all sites or of one.
  sqlite3_stmt* select_ids_ = nullptr;
  sqlite3_stmt* select_site_ids_ = nullptr;
  // One problem's names, role, first and last seen, by id.
  sqlite3_stmt* select_problem_ = nullptr;
};

}  // namespace friction::collector
