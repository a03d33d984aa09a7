#include "signals/told_tallies.h"

#include <cmath>
#include <utility>

#include "anonymise/randomized_response.h"
#include "common/tab_state_text.h"

namespace friction {
namespace {
// ε goes through the text as a whole number of these: the wire's 4 decimals (wireEpsilon).
constexpr double kEpsilonUnits = 1e4;
constexpr FrictionKindSet kAllKinds = (1u << kFrictionKindCount) - 1;
}  // namespace

void ToldTallies::keep(VisitTally told, double epsilon) {
  if (kept_.size() >= kCapacity) kept_.erase(kept_.begin());
  told.goal.clear();
  kept_.push_back(ToldTally{std::move(told), epsilon});
}

std::string ToldTallies::state() const {
  std::string out;
  for (const auto& kept : kept_) {
    tab_state::appendWhole(out, static_cast<long long>(std::lround(kept.epsilon * kEpsilonUnits)));
    out += '|';
    tab_state::appendWhole(out, static_cast<unsigned>(kept.tally.met));
    out += '|';
    out += !kept.tally.help ? '-' : (*kept.tally.help ? '1' : '0');
    out += '|';
    out += kept.tally.step;
    out += '\n';
  }
  return out;
}

void ToldTallies::restore(std::string_view state) {
  kept_.clear();
  tab_state::splitEach(state, '\n', [&](std::string_view line) {
    std::string_view parts[3];
    for (auto& part : parts) {
      const size_t bar = line.find('|');
      if (bar == std::string_view::npos) return;
      part = line.substr(0, bar);
      line.remove_prefix(bar + 1);
    }
    long long units = 0;
    unsigned met = 0;
    if (!tab_state::parseWhole(parts[0], units) || !tab_state::parseWhole(parts[1], met) ||
        met > kAllKinds || parts[2].size() != 1 || !tab_state::isStoredStep(line))
      return;
    const double epsilon = static_cast<double>(units) / kEpsilonUnits;
    if (epsilon != 0 && !isUsableLdpEpsilon(epsilon)) return;
    VisitTally tally{std::string(line), static_cast<FrictionKindSet>(met), {}, {}};
    if (parts[2] == "0" || parts[2] == "1") tally.help = parts[2] == "1";
    else if (parts[2] != "-") return;
    if (kept_.size() < kCapacity) kept_.push_back(ToldTally{std::move(tally), epsilon});
  });
}

}  // namespace friction
