#include "signals/signal_queue.h"

#include <utility>

namespace friction {

void SignalQueue::push(Signal signal) {
  if (pending_.size() >= kCapacity) {
    ++dropped_;
    return;
  }
  pending_.push_back(std::move(signal));
}

std::vector<Signal> SignalQueue::take(uint32_t& dropped) {
  dropped = dropped_;
  dropped_ = 0;
  return std::exchange(pending_, {});
}

void SignalQueue::clear() {
  pending_.clear();
  dropped_ = 0;
}

}  // namespace friction
