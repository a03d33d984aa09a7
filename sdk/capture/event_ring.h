// A single-producer, single-consumer ring of EventRecords that lives in the core's memory.
// JS (the producer) writes records and advances `write`; the core (the consumer) drains
// everything between `read` and `write` in one call. Indices grow without wrapping the
// arithmetic (uint32 overflow is fine: only differences are used).
#pragma once
#include <cstdint>
#include <memory>

#include "capture/event_record.h"

namespace friction {

// Records the ring holds unless the engine is told otherwise: JS drains within 50 ms, and even
// a burst of pointer moves writes a few hundred records in that time.
inline constexpr uint32_t kDefaultRingCapacity = 4096;

// Laid out in memory right before the records; JS reads and writes it through a DataView.
struct RingHeader {
  uint32_t write;        // next index JS writes (monotonic)
  uint32_t read;         // next index the core reads (monotonic)
  uint32_t capacity;     // records; a power of two
  uint32_t record_size;  // sizeof(EventRecord), so JS can check the layout at start-up
};
static_assert(sizeof(RingHeader) == 16, "RingHeader layout is shared with JS");

class EventRing {
 public:
  explicit EventRing(uint32_t capacity_pow2);

  RingHeader* header() { return header_; }
  EventRecord* records() { return records_; }
  uint32_t capacity() const { return header_->capacity; }

  // For native callers and tests: what JS does.
  bool push(const EventRecord& record);

  // Calls visit(record) for each unread record in order, then marks them read.
  // Returns how many were visited. If the producer overran the ring, the oldest
  // records are skipped (counted in overruns()) rather than read half-overwritten.
  template <typename Visit>
  uint32_t drain(Visit&& visit) {
    uint32_t write = header_->write;
    uint32_t read = header_->read;
    if (write - read > header_->capacity) {
      overruns_ += write - read - header_->capacity;
      read = write - header_->capacity;
    }
    const uint32_t mask = header_->capacity - 1;
    uint32_t visited = 0;
    for (; read != write; ++read, ++visited) visit(records_[read & mask]);
    header_->read = read;
    return visited;
  }

  uint64_t overruns() const { return overruns_; }

 private:
  std::unique_ptr<uint64_t[]> storage_;  // uint64 for the double's alignment
  RingHeader* header_;
  EventRecord* records_;
  uint64_t overruns_ = 0;
};

}  // namespace friction
