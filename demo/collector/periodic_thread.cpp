#include "periodic_thread.h"

#include <utility>

namespace friction::collector {

PeriodicThread::PeriodicThread(std::chrono::seconds period, std::function<void()> task,
                               bool at_once) {
  thread_ = std::thread([this, period, task = std::move(task), at_once] {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!at_once && wake_.wait_for(lock, period, [this] { return stopping_; })) return;
    do {
      lock.unlock();
      task();
      lock.lock();
    } while (!wake_.wait_for(lock, period, [this] { return stopping_; }));
  });
}

PeriodicThread::~PeriodicThread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace friction::collector
