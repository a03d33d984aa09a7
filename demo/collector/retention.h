// How long the collector keeps what it stored (--retention-days): batches, signals, problem
// days, visit sums whose last visit is older, hand-offs and the alerts sent are deleted at start
// and then every hour, on a connection and a thread of their own, in small transactions so
// intake waits little.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "periodic_thread.h"
#include "utc_day.h"

struct sqlite3;

namespace friction::collector {

// Deletes every row stored before `cutoff_ms` (unix ms). Returns the rows deleted, or -1 and
// `error`.
int64_t deleteStoredBefore(sqlite3* db, int64_t cutoff_ms, std::string& error);

class RetentionJob {
 public:
  static constexpr int kEveryS = 3600;

  // Deletes what is older than `days` now, then starts the hourly thread. days <= 0: keeps
  // everything and starts nothing. nullptr and `error` if the first pass fails.
  static std::unique_ptr<RetentionJob> start(const std::string& db_path, int days,
                                             std::string& error);
  ~RetentionJob();

 private:
  RetentionJob(sqlite3* db, int days) : db_(db), days_(days) {}
  int64_t runOnce(std::string& error);

  sqlite3* db_;
  int days_;
  std::unique_ptr<PeriodicThread> hourly_;
};

}  // namespace friction::collector
