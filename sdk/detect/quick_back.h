// Quick back: a U-turn in the journey. The user reaches a step and returns to the one before
// within a few seconds (A -> B -> A): B was not what they expected. Covers the back button,
// SPA route changes and page loads alike (steps survive page loads through the journey state
// that JS keeps in sessionStorage for the tab).
//
// Thresholds (per site: "quick_back.<name>") and why:
//  - max_dwell_ms = 10000: Clarity and Contentsquare compute "quick backs" server side against
//    a page's usual dwell time and publish no number. Ten seconds is enough to see that a page
//    is the wrong one and too short to have used it; sites with heavy pages can raise it.
// The friction belongs to B, the step that was left, so the engine reports it on B.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "detect/friction_kind.h"

namespace friction {

struct QuickBackThresholds {
  double max_dwell_ms = 10000;

  bool set(std::string_view name, double value);
};

struct QuickBack {
  std::string left_step;  // B
  double dwell_ms;        // time spent on B
  double score;
};

class QuickBackDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::quick_back;

  explicit QuickBackDetector(QuickBackThresholds thresholds = {}) : thresholds_(thresholds) {}

  // A new step (already templated), at wall-clock time epoch_ms (page times do not survive
  // page loads). Returns the U-turn it completes, if any.
  std::optional<QuickBack> onEnterStep(const std::string& step, double epoch_ms);

  // The last steps as text ("epoch_ms|step" lines), to carry the journey across page loads;
  // restore() replaces the journey with the stored one.
  std::string state() const;
  void restore(std::string_view state);

  QuickBackThresholds& thresholds() { return thresholds_; }

 private:
  struct Visit {
    std::string step;
    double epoch_ms = 0;
  };
  const Visit& back(size_t n) const { return recent_[(next_ + recent_.size() - 1 - n) % recent_.size()]; }
  void push(const std::string& step, double epoch_ms);

  QuickBackThresholds thresholds_;
  std::array<Visit, 3> recent_{};  // a ring of the last steps
  size_t next_ = 0;
  size_t count_ = 0;
};

}  // namespace friction
