// How much the current step hurts: a decaying weighted sum of the frictions met on it. Each
// detection adds weight(kind) x its evidence score; the sum halves every half_life_ms, so a
// burst of trouble a minute ago counts for less than one now, and a new step starts at zero.
//
// Settings (per site: "score.<name>") and why. No peer publishes weights (their frustration
// scores are computed server side, after the session), so these are our judgement, tuned on the
// corpus (tests/corpus/) and open to each site:
//  - weights: how strongly each kind says "this person is stuck". A rage click (1.0) or an
//    error right after a click (0.9) rarely happens to someone who is fine; a dead click (0.6)
//    and form struggle (0.7) often do not resolve by themselves; a quick back (0.5) and a slow
//    answer (0.4) may be the page's fault without stopping anyone; hesitation and scroll thrash
//    (0.3) are also how people read; cursor thrash (0.2) is the kind with the most innocent
//    causes (FullStory itself gives no rule for it beyond "erratic").
//  - half_life_ms = 60000: trouble a minute old counts half, so two dead clicks far apart do
//    not add up to "stuck" while three in a row do.
#pragma once
#include <array>
#include <string_view>

#include "detect/friction_kind.h"
#include "signals/visit_tally.h"

namespace friction {

struct StepScoreSettings {
  std::array<double, kFrictionKindCount> weights = {
      1.0,  // rage_click
      0.6,  // dead_click
      0.9,  // error_click
      0.7,  // form_struggle
      0.3,  // scroll_thrash
      0.5,  // quick_back
      0.2,  // cursor_thrash
      0.3,  // hesitation
      0.4,  // slow_response
  };
  double half_life_ms = 60000;

  // "weight.<kind>" in [0, 5] or "half_life_ms" in [1000, 3600000]. False if unknown or out of
  // range.
  bool set(std::string_view name, double value);
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
