// How long the collector keeps what it stored (--retention-days): batches, signals, rollup
// days, visit sums whose last visit is older, hand-offs and the alerts sent are deleted at start
// and then every hour, on a thread of their own, by the storage engine (storage.h), which
// deletes in small steps so that intake waits little.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "periodic_thread.h"
#include "storage.h"
#include "utc_day.h"

namespace friction::collector {

class RetentionJob {
 public:
  static constexpr int kEveryS = 3600;

  // Deletes what is older than `days` now, then starts the hourly thread. days <= 0: keeps
  // everything and starts nothing. nullptr and `error` if the first pass fails. `storage` must
  // outlive the job.
  static std::unique_ptr<RetentionJob> start(Storage& storage, int days, std::string& error);
  ~RetentionJob();

 private:
  RetentionJob(Storage* storage, int days) : storage_(storage), days_(days) {}
  int64_t runOnce(std::string& error);

  Storage* storage_;
  int days_;
  std::unique_ptr<PeriodicThread> hourly_;
};

}  // namespace friction::collector
