// A thread that runs a task now and again (retention, the alerts' check) until it is destroyed;
// destroying it wakes the thread from its wait and joins it, so a stop never waits an hour.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace friction::collector {

class PeriodicThread {
 public:
  // Runs `task` every `period`, the first time at once if `at_once`, else after one period.
  PeriodicThread(std::chrono::seconds period, std::function<void()> task, bool at_once);
  ~PeriodicThread();
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace friction::collector
