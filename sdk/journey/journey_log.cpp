#include "journey/journey_log.h"

#include <algorithm>
#include <cmath>

namespace friction {

void JourneyLog::enter(std::string step, double now_ms) {
  if (!steps_.empty() && steps_.back().left_ms < 0) steps_.back().left_ms = now_ms;
  if (steps_.size() == kMaxSteps) steps_.erase(steps_.begin());
  steps_.push_back(Step{std::move(step), now_ms, -1, {}});
}

void JourneyLog::met(FrictionKind kind) {
  if (steps_.empty()) return;
  auto& count = steps_.back().met[static_cast<size_t>(kind)];
  if (count < UINT16_MAX) ++count;
}

uint16_t JourneyLog::kindsMetHere() const {
  uint16_t kinds = 0;
  if (steps_.empty()) return kinds;
  for (size_t k = 0; k < kFrictionKindCount; ++k)
    if (steps_.back().met[k]) kinds |= uint16_t(1u << k);
  return kinds;
}

std::vector<JourneyStepSummary> JourneyLog::summary(double now_ms) const {
  std::vector<JourneyStepSummary> steps;
  for (const auto& s : steps_) {
    const double dwell = std::max(0.0, (s.left_ms < 0 ? now_ms : s.left_ms) - s.entered_ms);
    steps.push_back({s.step, std::lround(dwell / kDwellBucketMs) * long(kDwellBucketMs) / 1000, s.met});
  }
  return steps;
}

}  // namespace friction
