// Signals waiting to be sent. Bounded so that a page left open for hours with a broken
// collector cannot grow without limit; what does not fit is counted, not silently lost.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "signals/signal.h"

namespace friction {

class SignalQueue {
 public:
  // A batch of 200 signals compresses to a few KB, well under sendBeacon's 64 KB limit.
  static constexpr size_t kCapacity = 200;

  void push(Signal signal);
  size_t size() const { return pending_.size(); }
  uint32_t dropped() const { return dropped_; }

  // Hands over everything pending (and the drop count) and starts afresh.
  std::vector<Signal> take(uint32_t& dropped);
  void clear();

 private:
  std::vector<Signal> pending_;
  uint32_t dropped_ = 0;
};

}  // namespace friction
