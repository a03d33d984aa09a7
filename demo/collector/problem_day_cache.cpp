#include "problem_day_cache.h"

#include <utility>

namespace friction::collector {

void ProblemDayCache::markChanged(int64_t day) {
  std::lock_guard<std::mutex> lock(changed_mutex_);
  changed_.insert(day);
}

void ProblemDayCache::dropStale(int64_t oldest) {
  std::set<int64_t> changed;
  {
    std::lock_guard<std::mutex> lock(changed_mutex_);
    changed.swap(changed_);
  }
  for (int64_t day : changed) days_.erase(day);
  days_.erase(days_.begin(), days_.lower_bound(oldest));
}

const std::vector<DayRow>* ProblemDayCache::find(int64_t day) const {
  const auto at = days_.find(day);
  return at == days_.end() ? nullptr : &at->second;
}

const std::vector<DayRow>& ProblemDayCache::hold(int64_t day, std::vector<DayRow> rows) {
  return days_[day] = std::move(rows);
}

}  // namespace friction::collector
