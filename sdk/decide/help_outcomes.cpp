#include "decide/help_outcomes.h"

#include <utility>

#include "common/tab_state_text.h"

namespace friction {

void HelpOutcomes::push(const Pending& offer, HelpEvent event) {
  if (events_.size() >= kMaxEvents) {
    ++dropped_;
    return;
  }
  events_.push_back(HelpEventRecord{offer.step, offer.kind, event});
}

void HelpOutcomes::offered(const std::string& step, FrictionKind cause) {
  if (pending_.size() >= kMaxPending) pending_.erase(pending_.begin());
  pending_.push_back(Pending{step, cause, 0});
  offer_on_this_page_ = true;
  push(pending_.back(), HelpEvent::offered);
}

bool HelpOutcomes::told(HelpEvent event) {
  if (!offer_on_this_page_ || pending_.empty()) return false;
  Pending& offer = pending_.back();
  uint8_t flag = 0;
  switch (event) {
    case HelpEvent::opened: flag = kOpened; break;
    case HelpEvent::dismissed:
      if (offer.flags & kOpened) return false;  // closing help once used is not a "no thanks"
      flag = kDismissed;
      break;
    case HelpEvent::handoff: flag = kHandoff; break;
    case HelpEvent::solved:
    case HelpEvent::unsolved: flag = kAnswered; break;
    default: return false;  // the rest the core decides itself
  }
  if (offer.flags & flag) return false;
  offer.flags |= flag;
  push(offer, event);
  return true;
}

bool HelpOutcomes::askQuestion() {
  if (asked_ || !offer_on_this_page_ || pending_.empty()) return false;
  const uint8_t flags = pending_.back().flags;
  if (!(flags & kOpened) || (flags & kAnswered)) return false;
  asked_ = true;
  return true;
}

void HelpOutcomes::enteredStep(const std::string& step) {
  for (Pending& offer : pending_) {
    if (offer.step == step || (offer.flags & kMovedOn)) continue;
    offer.flags |= kMovedOn;
    push(offer, offer.flags & kOpened ? HelpEvent::moved_on_after_opening : HelpEvent::moved_on);
  }
}

void HelpOutcomes::goalReached() {
  for (const Pending& offer : pending_)
    push(offer, offer.flags & kOpened ? HelpEvent::goal_after_opening : HelpEvent::goal);
  pending_.clear();
  offer_on_this_page_ = false;
}

std::vector<HelpEventRecord> HelpOutcomes::take(uint32_t& dropped) {
  dropped = std::exchange(dropped_, 0);
  return std::exchange(events_, {});
}

void HelpOutcomes::clear() {
  events_.clear();
  dropped_ = 0;
  pending_.clear();
  offer_on_this_page_ = false;
  asked_ = false;
}

std::string HelpOutcomes::state() const {
  std::string out(asked_ ? "1\n" : "0\n");
  for (const Pending& offer : pending_) {
    tab_state::appendWhole(out, unsigned(offer.flags));
    out.append("|").append(name(offer.kind)).append("|").append(offer.step).append("\n");
  }
  return out;
}

void HelpOutcomes::restore(std::string_view state) {
  pending_.clear();
  offer_on_this_page_ = false;
  bool first = true;
  tab_state::splitEach(state, '\n', [&](std::string_view line) {
    if (std::exchange(first, false)) {
      if (line == "1") asked_ = true;
      return;
    }
    const size_t bar = line.find('|');
    const size_t second = bar == std::string_view::npos ? bar : line.find('|', bar + 1);
    if (second == std::string_view::npos) return;
    unsigned flags = 0;
    const auto kind = parseFrictionKind(line.substr(bar + 1, second - bar - 1));
    const std::string_view step = line.substr(second + 1);
    if (!tab_state::parseWhole(line.substr(0, bar), flags) || flags > 31 || !kind ||
        !tab_state::isStoredStep(step) || pending_.size() >= kMaxPending)
      return;
    pending_.push_back(Pending{std::string(step), *kind, static_cast<uint8_t>(flags)});
  });
}

}  // namespace friction
