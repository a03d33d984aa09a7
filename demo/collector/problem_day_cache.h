// The problem days (signal_store.cpp) of the days a view has read, held in memory: summing a
// day held here costs nanoseconds a row where stepping SQLite through it costs hundreds, and a
// day no longer changes once its batches are in. The store marks the days its batches change;
// a marked day is read again. Retention deletes whole days from below: the days under the
// oldest one left go.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <vector>

namespace friction::collector {

struct DayRow {
  int64_t problem_id;
  int64_t views, signals, events;
  int pointer = 0, width = 0;  // the device class, device_codes.h
};

class ProblemDayCache {
 public:
  // Any thread (intake), after the change is committed.
  void markChanged(int64_t day);

  // The rest under the reader's lock. Drops the days marked since, and those before `oldest`
  // (the oldest day stored).
  void dropStale(int64_t oldest);
  // The held rows of `day`, or nullptr.
  const std::vector<DayRow>* find(int64_t day) const;
  const std::vector<DayRow>& hold(int64_t day, std::vector<DayRow> rows);

 private:
  std::mutex changed_mutex_;
  std::set<int64_t> changed_;  // under changed_mutex_
  std::map<int64_t, std::vector<DayRow>> days_;
};

}  // namespace friction::collector
