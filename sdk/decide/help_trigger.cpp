#include "decide/help_trigger.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "common/tab_state_text.h"

namespace friction {

bool HelpSettings::set(std::string_view name, double value) {
  auto within = [&](double low, double high) { return value >= low && value <= high; };
  if (name == "threshold" && value > 0 && within(0, 20)) threshold = value;
  else if (name == "repeat_after_ms" && within(0, 86400000)) repeat_after_ms = value;
  else if (name == "quiet_after_dismiss_ms" && within(0, 86400000)) quiet_after_dismiss_ms = value;
  else if (name == "max_offers" && within(0, 100)) max_offers = static_cast<uint32_t>(value);
  else if (name == "max_session_offers" && within(0, 100))
    max_session_offers = static_cast<uint32_t>(value);
  else return false;
  return true;
}

bool HelpSettings::setKinds(std::string_view names) {
  uint16_t mask = 0;
  while (!names.empty()) {
    const size_t comma = names.find(',');
    std::string_view item = names.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      const auto kind = parseFrictionKind(item);
      if (!kind) return false;
      mask |= uint16_t(1u << static_cast<uint8_t>(*kind));
    }
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
  }
  kinds = mask;
  return true;
}

std::optional<HelpOffer> HelpTrigger::consider(const std::string& step, uint16_t kinds_met,
                                               FrictionKind cause, uint32_t target,
                                               double score, double now_ms) {
  const bool on_kind = settings_.kinds & (1u << static_cast<uint8_t>(cause));
  const bool on_score = score >= settings_.threshold;
  if (!on_kind && !on_score) return std::nullopt;
  if (offers_ >= settings_.max_offers || session_offers_ >= settings_.max_session_offers)
    return std::nullopt;
  double& quiet_until_ms = quietUntil(step);
  if (now_ms < quiet_until_ms) return std::nullopt;
  ++offers_;
  ++session_offers_;
  quiet_until_ms = now_ms + settings_.repeat_after_ms;
  return HelpOffer{step,   kinds_met, cause, target, score,
                   on_kind ? HelpReason::kind : HelpReason::score, now_ms};
}

void HelpTrigger::dismissed(const std::string& step, double now_ms) {
  quietUntil(step) = now_ms + settings_.quiet_after_dismiss_ms;
}

HelpTrigger::Quiet* HelpTrigger::findQuiet(const std::string& step) {
  for (Quiet& quiet : quiet_)
    if (quiet.step == step) return &quiet;
  return nullptr;
}

// The step's entry, made (quiet until the start of time) if it has none.
double& HelpTrigger::quietUntil(const std::string& step) {
  if (Quiet* quiet = findQuiet(step)) return quiet->until_ms;
  quiet_.push_back(Quiet{step, -std::numeric_limits<double>::infinity()});
  return quiet_.back().until_ms;
}

std::string HelpTrigger::state(double epoch_offset_ms, double now_ms) const {
  std::string out;
  tab_state::appendWhole(out, session_offers_);
  out += '\n';
  for (const Quiet& quiet : quiet_) {
    if (quiet.until_ms <= now_ms) continue;
    tab_state::appendWhole(out, static_cast<long long>(quiet.until_ms + epoch_offset_ms));
    out.append("|").append(quiet.step).append("\n");
  }
  return out;
}

void HelpTrigger::restore(std::string_view state, double epoch_offset_ms, double now_ms) {
  const double longest_quiet_ms =
      now_ms + std::max(settings_.repeat_after_ms, settings_.quiet_after_dismiss_ms);
  bool first = true;
  tab_state::splitEach(state, '\n', [&](std::string_view line) {
    long long number = 0;
    if (std::exchange(first, false)) {  // the session's count of offers
      if (tab_state::parseWhole(line, number) && number >= 0 && number <= 1000)
        session_offers_ = static_cast<uint32_t>(number);
      return;
    }
    const size_t bar = line.find('|');
    if (bar == std::string_view::npos || !tab_state::parseWhole(line.substr(0, bar), number))
      return;
    const std::string step(line.substr(bar + 1));
    if (!tab_state::isStoredStep(step)) return;
    if (quiet_.size() >= kMaxQuietSteps && !findQuiet(step)) return;
    double& until_ms = quietUntil(step);
    until_ms = std::min(std::max(until_ms, static_cast<double>(number) - epoch_offset_ms),
                        longest_quiet_ms);
  });
}

std::string_view name(HelpReason reason) { return reason == HelpReason::kind ? "kind" : "score"; }

}  // namespace friction
