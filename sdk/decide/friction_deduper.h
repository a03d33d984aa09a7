// One friction per element at a time. When several detectors see the same trouble on the same
// element (a rage burst on a dead button is also, 2.5 s later, a dead click; a button whose
// handler throws is also unresponsive), the first one told wins and the others stay silent,
// both to the page (help must not repeat itself) and in signals (no double counting).
// Page-level frictions (target 0: scroll, cursor, quick back) are never merged.
#pragma once
#include <array>
#include <cstdint>

#include "detect/detection.h"

namespace friction {

class FrictionDeduper {
 public:
  // Long enough to cover the slowest detector's view of one click (dead click: 2.5 s).
  static constexpr double kWindowMs = 5000;

  // False if another kind of friction was already told for this element within the window;
  // the matching episode will then be refused too.
  bool admitDetection(const Detection& detection);
  bool admitEpisode(const Episode& episode);

 private:
  struct Told {
    uint32_t target = 0;
    FrictionKind kind{};
    double at_ms = 0;
  };
  std::array<Told, 8> told_{};        // recent detections, a ring
  std::array<Told, 8> suppressed_{};  // their silenced rivals, awaiting their episodes
  uint32_t next_told_ = 0;
  uint32_t next_suppressed_ = 0;
};

}  // namespace friction
