#include "detect/quick_back.h"

#include <algorithm>

#include "common/tab_state_text.h"

namespace friction {

bool QuickBackThresholds::set(std::string_view name, double value) {
  if (name == "max_dwell_ms" && value >= 1000 && value <= 120000) max_dwell_ms = value;
  else return false;
  return true;
}

std::optional<QuickBack> QuickBackDetector::onEnterStep(const std::string& step, double epoch_ms) {
  if (count_ > 0 && back(0).step == step) return std::nullopt;  // same step: not a move
  std::optional<QuickBack> found;
  if (count_ >= 2 && back(1).step == step) {
    const double dwell = epoch_ms - back(0).epoch_ms;
    if (dwell >= 0 && dwell <= thresholds_.max_dwell_ms) {
      // The quicker the U-turn, the surer: 1.0 for an instant return, 0.5 at the limit.
      const double score = 1.0 - 0.5 * dwell / thresholds_.max_dwell_ms;
      found = QuickBack{back(0).step, dwell, score};
    }
  }
  push(step, epoch_ms);
  return found;
}

void QuickBackDetector::push(const std::string& step, double epoch_ms) {
  recent_[next_] = Visit{step, epoch_ms};
  next_ = (next_ + 1) % recent_.size();
  count_ = std::min(count_ + 1, recent_.size());
}

std::string QuickBackDetector::state() const {
  std::string out;
  for (size_t n = count_; n-- > 0;) {
    const Visit& visit = back(n);
    tab_state::appendWhole(out, static_cast<long long>(visit.epoch_ms));
    out.append("|").append(visit.step).append("\n");
  }
  return out;
}

void QuickBackDetector::restore(std::string_view state) {
  next_ = count_ = 0;  // the stored journey replaces what this document knew
  tab_state::splitEach(state, '\n', [&](std::string_view line) {
    const size_t bar = line.find('|');
    long long epoch_ms = 0;
    if (bar == std::string_view::npos || !tab_state::parseWhole(line.substr(0, bar), epoch_ms))
      return;
    const std::string_view step = line.substr(bar + 1);
    if (tab_state::isStoredStep(step)) push(std::string(step), static_cast<double>(epoch_ms));
  });
}

}  // namespace friction
