#include "capture/event_ring.h"

namespace friction {

EventRing::EventRing(uint32_t capacity_pow2) {
  if (capacity_pow2 == 0 || (capacity_pow2 & (capacity_pow2 - 1)) != 0) capacity_pow2 = 1024;
  const size_t bytes = sizeof(RingHeader) + size_t{capacity_pow2} * sizeof(EventRecord);
  storage_.reset(new uint64_t[(bytes + 7) / 8]());
  header_ = reinterpret_cast<RingHeader*>(storage_.get());
  records_ = reinterpret_cast<EventRecord*>(header_ + 1);
  *header_ = RingHeader{0, 0, capacity_pow2, sizeof(EventRecord)};
}

bool EventRing::push(const EventRecord& record) {
  if (header_->write - header_->read >= header_->capacity) return false;
  records_[header_->write & (header_->capacity - 1)] = record;
  ++header_->write;
  return true;
}

}  // namespace friction
