#include "journey/journey_log.h"

#include <algorithm>
#include <charconv>
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

namespace {

double dwellOf(double entered_ms, double left_ms, double now_ms) {
  return std::clamp((left_ms < 0 ? now_ms : left_ms) - entered_ms, 0.0, JourneyLog::kMaxDwellMs);
}

template <typename Number>
bool parseWhole(std::string_view text, Number& value) {
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  return parsed.ec == std::errc() && parsed.ptr == text.data() + text.size();
}

template <typename Number>
void appendWhole(std::string& out, Number value) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

}  // namespace

std::string JourneyLog::state(double now_ms) const {
  std::string out;
  for (const auto& s : steps_) {
    appendWhole(out, static_cast<long long>(dwellOf(s.entered_ms, s.left_ms, now_ms)));
    out += '|';
    for (size_t k = 0; k < kFrictionKindCount; ++k) {
      if (k) out += ',';
      appendWhole(out, s.met[k]);
    }
    out.append("|").append(s.step).append("\n");
  }
  return out;
}

void JourneyLog::restore(std::string_view state) {
  steps_.clear();
  while (!state.empty()) {
    const size_t end = std::min(state.find('\n'), state.size());
    std::string_view line = state.substr(0, end);
    state.remove_prefix(std::min(end + 1, state.size()));
    const size_t first_bar = line.find('|');
    const size_t second_bar = line.find('|', first_bar + 1);
    if (first_bar == std::string_view::npos || second_bar == std::string_view::npos) continue;
    long long dwell_ms = 0;
    const std::string_view step = line.substr(second_bar + 1);
    if (!parseWhole(line.substr(0, first_bar), dwell_ms) || dwell_ms < 0 ||
        dwell_ms > kMaxDwellMs || step.empty() ||
        step.front() != '/' || step.size() > 256)
      continue;
    Step restored{std::string(step), 0, static_cast<double>(dwell_ms), {}};
    std::string_view counts = line.substr(first_bar + 1, second_bar - first_bar - 1);
    bool counts_ok = true;
    for (size_t k = 0; k < kFrictionKindCount && counts_ok; ++k) {
      const size_t comma = std::min(counts.find(','), counts.size());
      counts_ok = parseWhole(counts.substr(0, comma), restored.met[k]);
      counts.remove_prefix(std::min(comma + 1, counts.size()));
    }
    if (!counts_ok) continue;
    if (steps_.size() == kMaxSteps) steps_.erase(steps_.begin());
    steps_.push_back(std::move(restored));
  }
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
