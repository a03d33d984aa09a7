// Where detectors put what they find. The engine implements it: detections go to the page at
// once, episodes become signals (with consent). Detectors know nothing of either.
#pragma once
#include <limits>

#include "detect/detection.h"
#include "detect/target_traits.h"

namespace friction {

class FrictionSink {
 public:
  virtual ~FrictionSink() = default;
  virtual void detected(const Detection& detection) = 0;
  virtual void episode(const Episode& episode) = 0;
  // Both at once, for frictions that are over the moment they are recognised.
  void detectedAndOver(const Detection& detection, uint32_t count, double started_ms) {
    detected(detection);
    episode(Episode{detection.kind, detection.target, started_ms, detection.at_ms, count,
                    detection.score, detection.cause});
  }
  virtual const TargetTable& targets() const = 0;
};

inline constexpr double kNoDeadline = std::numeric_limits<double>::infinity();

}  // namespace friction
