// The problems query (problems.h) over the rollups kept at intake (the problems and problem_days
// tables of signal_store.cpp, and problem_cause_days for the causes). Its statements live on the store's read connection; SignalStore::problems
// calls it under the read lock, so it takes none itself.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>

#include <vector>

#include "day_cache.h"
#include "problems.h"

namespace friction::collector {

// One row of problem_days: a problem's counts on one day for one device class.
struct ProblemDayRow {
  int64_t problem_id;
  int64_t views, signals, events;
  int pointer = 0, width = 0;  // the device class, device_codes.h
};

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
  // A problem's sums over the days read, at its id.
  struct Sums {
    int64_t views = 0, previous_views = 0, signals = 0, events = 0;
  };
  // The problem days of `day`, held or read.
  const std::vector<ProblemDayRow>& dayRows(int64_t day);

  DayCache<ProblemDayRow> days_;
  // Kept from one query to the next, as are their pages: a vector as long as the problems
  // table, fresh each time, cost more in page faults than the sums themselves.
  std::vector<Sums> sums_;
  std::vector<char> kept_ids_;
  // Every problem day of one day: integers only.
  sqlite3_stmt* select_days_ = nullptr;
  sqlite3_stmt* select_oldest_day_ = nullptr;
  // The ids of the problems a filter keeps, of all sites or of one.
  sqlite3_stmt* select_ids_ = nullptr;
  sqlite3_stmt* select_site_ids_ = nullptr;
  // One problem's names, role, first and last seen, by id.
  sqlite3_stmt* select_problem_ = nullptr;
  // One problem's signals per cause over a range of days, of a device class or all.
  sqlite3_stmt* select_causes_ = nullptr;
};

}  // namespace friction::collector
