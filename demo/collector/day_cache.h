// The rollup rows of the days a view has read, held in memory: summing a day held here costs
// nanoseconds a row where stepping SQLite through it costs hundreds, and a day no longer
// changes once its batches are in. The store marks the days its batches change; a marked day is
// read again. Retention deletes whole days from below: the days under the oldest one left go.
// Used for the problem days (problem_store.h) and the outcome days (outcome_store.h).
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

namespace friction::collector {

template <typename Row>
class DayCache {
 public:
  // Any thread (intake), after the change is committed.
  void markChanged(int64_t day) {
    std::lock_guard<std::mutex> lock(changed_mutex_);
    changed_.insert(day);
  }

  // The rest under the reader's lock. Drops the days marked since, and those before `oldest`
  // (the oldest day stored).
  void dropStale(int64_t oldest) {
    std::set<int64_t> changed;
    {
      std::lock_guard<std::mutex> lock(changed_mutex_);
      changed.swap(changed_);
    }
    for (int64_t day : changed) days_.erase(day);
    days_.erase(days_.begin(), days_.lower_bound(oldest));
  }

  // The held rows of `day`, or nullptr.
  const std::vector<Row>* find(int64_t day) const {
    const auto at = days_.find(day);
    return at == days_.end() ? nullptr : &at->second;
  }

  const std::vector<Row>& hold(int64_t day, std::vector<Row> rows) {
    return days_[day] = std::move(rows);
  }

 private:
  std::mutex changed_mutex_;
  std::set<int64_t> changed_;  // under changed_mutex_
  std::map<int64_t, std::vector<Row>> days_;
};

}  // namespace friction::collector
