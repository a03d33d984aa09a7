// How much the current step hurts: a decaying weighted sum of the frictions met on it. Each
// detection adds weight(kind) x its evidence score; the sum halves every half_life_ms, so a
// burst of trouble a minute ago counts for less than one now, and a new step starts at zero.
//
// Settings (per site: "score.<name>") and why:
//  - weights: each kind's default weight is in the kinds list (detect/friction_kind.h), with
//    its rationale; "weight.<kind>" changes it for a site.
//  - half_life_ms = 60000: trouble a minute old counts half, so two dead clicks far apart do
//    not add up to "stuck" while three in a row do.
#pragma once
#include <array>
#include <string_view>

#include "detect/friction_kind.h"

namespace friction {

struct StepScoreSettings {
  std::array<double, kFrictionKindCount> weights = defaultWeights();
  double half_life_ms = 60000;

  // "weight.<kind>" in [0, 5] or "half_life_ms" in [1000, 3600000]. False if unknown or out of
  // range.
  bool set(std::string_view name, double value);

  static constexpr std::array<double, kFrictionKindCount> defaultWeights() {
    std::array<double, kFrictionKindCount> weights{};
    for (size_t k = 0; k < kFrictionKindCount; ++k) weights[k] = kFrictionKinds[k].weight;
    return weights;
  }
};

class StepScore {
 public:
  explicit StepScore(const StepScoreSettings& settings) : settings_(settings) {}

  void reset() { value_ = 0; }
  // Adds a detection of `kind` with evidence `evidence` (0..1) at page time now_ms.
  void add(FrictionKind kind, double evidence, double now_ms);
  double at(double now_ms) const;

 private:
  const StepScoreSettings& settings_;
  double value_ = 0;
  double updated_ms_ = 0;
};

}  // namespace friction
