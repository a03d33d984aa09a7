#include "decide/friction_deduper.h"

namespace friction {

bool FrictionDeduper::admitDetection(const Detection& d) {
  if (d.target == 0) return true;
  for (const Told& earlier : told_) {
    if (earlier.target == d.target && earlier.kind != d.kind && d.at_ms - earlier.at_ms <= kWindowMs &&
        d.at_ms >= earlier.at_ms) {
      suppressed_[next_suppressed_++ % suppressed_.size()] = Told{d.target, d.kind, d.at_ms};
      return false;
    }
  }
  told_[next_told_++ % told_.size()] = Told{d.target, d.kind, d.at_ms};
  return true;
}

bool FrictionDeduper::admitEpisode(const Episode& e) {
  for (Told& silenced : suppressed_) {
    if (silenced.target == e.target && silenced.target != 0 && silenced.kind == e.kind) {
      silenced = Told{};
      return false;
    }
  }
  return true;
}

}  // namespace friction
