#include "detect/quick_back.h"

#include <algorithm>
#include <charconv>

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
    // to_chars, not to_string or strtod below: the browser core then carries no printf/scanf.
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits,
                                       static_cast<long long>(visit.epoch_ms));
    out.append(digits, written.ptr).append("|").append(visit.step).append("\n");
  }
  return out;
}

// Anything malformed is skipped: the state comes from storage the page could have touched.
void QuickBackDetector::restore(std::string_view state) {
  next_ = count_ = 0;  // the stored journey replaces what this document knew
  while (!state.empty()) {
    const size_t end = std::min(state.find('\n'), state.size());
    const std::string_view line = state.substr(0, end);
    state.remove_prefix(std::min(end + 1, state.size()));
    const size_t bar = line.find('|');
    if (bar == std::string_view::npos || bar == 0) continue;
    long long epoch_ms = 0;
    const auto parsed = std::from_chars(line.data(), line.data() + bar, epoch_ms);
    const std::string_view step = line.substr(bar + 1);
    const bool whole_number = parsed.ec == std::errc() && parsed.ptr == line.data() + bar;
    if (!whole_number || step.empty() || step.front() != '/' || step.size() > 256) continue;
    push(std::string(step), static_cast<double>(epoch_ms));
  }
}

}  // namespace friction
