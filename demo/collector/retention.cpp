#include "retention.h"

#include <chrono>
#include <iostream>

#include "time_text.h"

namespace friction::collector {

std::unique_ptr<RetentionJob> RetentionJob::start(Storage& storage, int days,
                                                  std::string& error) {
  if (days <= 0) return std::unique_ptr<RetentionJob>(new RetentionJob(nullptr, 0));
  std::unique_ptr<RetentionJob> job(new RetentionJob(&storage, days));
  if (job->runOnce(error) < 0) {
    error = "retention: " + error;
    return nullptr;
  }
  job->hourly_ = std::make_unique<PeriodicThread>(
      std::chrono::seconds(kEveryS),
      [raw = job.get()] {
        std::string error;
        if (raw->runOnce(error) < 0) std::cerr << "friction collector: retention: " << error << "\n";
      },
      false);  // the first pass just ran
  return job;
}

RetentionJob::~RetentionJob() { hourly_.reset(); }

int64_t RetentionJob::runOnce(std::string& error) {
  return storage_->deleteStoredBefore(nowUnixMs() - days_ * kMsPerUtcDay, error);
}

}  // namespace friction::collector
