#include "decide/friction_deduper.h"

namespace friction {

bool FrictionDeduper::sameFriction(const Told& earlier, const Detection& later) {
  if (earlier.target != later.target || later.at_ms < earlier.at_ms ||
      later.at_ms - earlier.at_ms > kWindowMs)
    return false;
  return earlier.kind != later.kind && isSiteAnswer(earlier.kind) && isSiteAnswer(later.kind);
}

bool FrictionDeduper::admitDetection(const Detection& d) {
  if (d.target == 0) return true;
  for (const Told& earlier : told_) {
    if (sameFriction(earlier, d)) {
      suppressed_[next_suppressed_++ % suppressed_.size()] = Told{d.target, d.kind, d.at_ms};
      return false;
    }
  }
  told_[next_told_++ % told_.size()] = Told{d.target, d.kind, d.at_ms};
  return true;
}

bool FrictionDeduper::admitEpisode(const Episode& e) {
  for (Told& refused : suppressed_) {
    if (refused.target == e.target && refused.target != 0 && refused.kind == e.kind) {
      refused = Told{};
      return false;
    }
  }
  return true;
}

}  // namespace friction
