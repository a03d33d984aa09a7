#include "signals/visit_tally.h"

#include <utility>

namespace friction {

void VisitTallies::open(std::string step) {
  current_ = VisitTally{std::move(step), 0};
  open_ = true;
}

void VisitTallies::met(FrictionKind kind) {
  if (open_) current_.met |= VisitTally::bit(kind);
}

std::vector<VisitTally> VisitTallies::take(uint32_t& dropped) {
  dropped = std::exchange(dropped_, 0);
  return std::exchange(closed_, {});
}

void VisitTallies::clear() {
  current_.met = 0;
  closed_.clear();
  dropped_ = 0;
}

}  // namespace friction
