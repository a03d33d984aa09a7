#include "decide/step_score.h"

#include <cmath>

namespace friction {

constexpr double kLn2 = 0.6931471805599453;

bool StepScoreSettings::set(std::string_view name, double value) {
  if (name == "half_life_ms") {
    if (!(value >= 1000 && value <= 3600000)) return false;
    half_life_ms = value;
    return true;
  }
  constexpr std::string_view kWeight = "weight.";
  if (name.substr(0, kWeight.size()) != kWeight) return false;
  const auto kind = parseFrictionKind(name.substr(kWeight.size()));
  if (!kind || !(value >= 0 && value <= 5)) return false;
  weights[static_cast<size_t>(*kind)] = value;
  return true;
}

double StepScore::at(double now_ms) const {
  if (value_ == 0) return 0;
  const double elapsed = now_ms > updated_ms_ ? now_ms - updated_ms_ : 0;
  // e^(-t ln 2 / half-life), not exp2: the browser's build takes exp from JavaScript's Math
  // (wasm/CMakeLists.txt), which has no exp2.
  return value_ * std::exp(-elapsed * kLn2 / settings_.half_life_ms);
}

void StepScore::add(FrictionKind kind, double evidence, double now_ms) {
  value_ = at(now_ms) + settings_.weights[static_cast<size_t>(kind)] * evidence;
  updated_ms_ = now_ms > updated_ms_ ? now_ms : updated_ms_;
}

}  // namespace friction
