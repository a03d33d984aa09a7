#include "journey/journey_log.h"

#include <algorithm>
#include <cmath>

#include "common/tab_state_text.h"
#include "encode/field_rules.h"

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

namespace {

// The longest dwell kept is the longest a hand-off step may say.
static_assert(JourneyLog::kMaxDwellMs == field_rules::kMaxStepSeconds * 1000.0);
static_assert(field_rules::kMaxMetCount == UINT16_MAX, "met counts are uint16_t");

double dwellOf(double entered_ms, double left_ms, double now_ms) {
  return std::clamp((left_ms < 0 ? now_ms : left_ms) - entered_ms, 0.0, JourneyLog::kMaxDwellMs);
}

}  // namespace

std::string JourneyLog::state(double now_ms) const {
  std::string out;
  for (const auto& s : steps_) {
    tab_state::appendWhole(out, static_cast<long long>(dwellOf(s.entered_ms, s.left_ms, now_ms)));
    out += '|';
    for (size_t k = 0; k < kFrictionKindCount; ++k) {
      if (k) out += ',';
      tab_state::appendWhole(out, s.met[k]);
    }
    out.append("|").append(s.step).append("\n");
  }
  return out;
}

void JourneyLog::restore(std::string_view state) {
  steps_.clear();
  tab_state::splitEach(state, '\n', [&](std::string_view line) {
    const size_t first_bar = line.find('|');
    const size_t second_bar = line.find('|', first_bar + 1);
    if (second_bar == std::string_view::npos) return;  // first_bar is found too
    long long dwell_ms = 0;
    const std::string_view step = line.substr(second_bar + 1);
    if (!tab_state::parseWhole(line.substr(0, first_bar), dwell_ms) || dwell_ms < 0 ||
        dwell_ms > kMaxDwellMs || !tab_state::isStoredStep(step))
      return;
    Step restored{std::string(step), 0, static_cast<double>(dwell_ms), {}};
    size_t k = 0;
    bool counts_ok = true;
    tab_state::splitEach(line.substr(first_bar + 1, second_bar - first_bar - 1), ',',
                         [&](std::string_view count) {
                           if (k < kFrictionKindCount)
                             counts_ok = counts_ok && tab_state::parseWhole(count, restored.met[k]);
                           ++k;
                         });
    if (!counts_ok || k < kFrictionKindCount) return;
    if (steps_.size() == kMaxSteps) steps_.erase(steps_.begin());
    steps_.push_back(std::move(restored));
  });
}

std::vector<JourneyStepSummary> JourneyLog::summary(double now_ms) const {
  std::vector<JourneyStepSummary> steps;
  for (const auto& s : steps_) {
    const double dwell = dwellOf(s.entered_ms, s.left_ms, now_ms);
    const auto seconds = std::lround(dwell / kDwellBucketMs) * (kDwellBucketMs / 1000);
    steps.push_back({s.step, static_cast<uint32_t>(seconds), s.met});
  }
  return steps;
}

}  // namespace friction
