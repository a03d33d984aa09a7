// What became of help: per offer, what the visitor did with it (opened, dismissed, asked for a
// person, answered "Did this solve it?") and what followed (another step, the site's goal).
// Told to the collector as events, one per thing that happened, only with "signals" consent
// (the engine keeps nothing otherwise). The SDK never tells "left": it cannot know the visitor
// left; the collector derives it (offered - moved_on - moved_on_after_opening).
//
// Constants and why:
//  - kMaxEvents = 64: events waiting for the next batch. A visitor meets at most 6 offers a tab
//    session (decide/help_trigger.h), each with a handful of events: 64 is room for all of them
//    between two sends; beyond that they are counted in the batch's "dropped".
//  - kMaxPending = 8: offers still waiting to see what follows, across the pages of the tab.
//    More than the session's 6 offers; the oldest goes first, silently, when full.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/friction_kind.h"

namespace friction {

// Order matters: an event's index is its byte in the batch record (encode/batch_record.cpp).
// Append new events at the end.
enum class HelpEvent : uint8_t {
  offered,
  opened,       // the visitor took up the offer: used one of its actions
  dismissed,    // closed it without taking it up
  handoff,      // asked for a person from it
  solved,       // "Did this solve it?" yes
  unsolved,     // ... no
  moved_on,     // entered another step of the site after the offer, without opening it
  moved_on_after_opening,
  goal,         // reached the site's goal after the offer, without opening it
  goal_after_opening,
};
inline constexpr std::string_view kHelpEventNames[] = {
    "offered", "opened",   "dismissed", "handoff", "solved", "unsolved",
    "moved_on", "moved_on_after_opening", "goal", "goal_after_opening"};
inline constexpr size_t kHelpEventCount = std::size(kHelpEventNames);
static_assert(kHelpEventCount == size_t(HelpEvent::goal_after_opening) + 1);

// Inline: the codec (encode/signal_batch.cpp) names events without the rest of this file.
inline std::string_view name(HelpEvent event) { return kHelpEventNames[size_t(event)]; }
inline std::optional<HelpEvent> parseHelpEvent(std::string_view text) {
  for (size_t i = 0; i < kHelpEventCount; ++i)
    if (kHelpEventNames[i] == text) return static_cast<HelpEvent>(i);
  return std::nullopt;
}

struct HelpEventRecord {
  std::string step;   // the step of the offer
  FrictionKind kind;  // the offer's cause
  HelpEvent event;
};

class HelpOutcomes {
 public:
  static constexpr size_t kMaxEvents = 64;
  static constexpr size_t kMaxPending = 8;

  // Help was offered on `step` because of `cause`.
  void offered(const std::string& step, FrictionKind cause);
  // What the visitor did with the latest offer of this page: opened, dismissed, handoff,
  // solved or unsolved, each at most once per offer (an answer is one of solved/unsolved);
  // dismissed only while not opened. False when there is no such offer or it was told already.
  bool told(HelpEvent event);
  // Whether to ask "Did this solve it?" now: the latest offer of this page was opened and not
  // answered, and nothing was asked yet in this tab session. True once: asking uses it up.
  bool askQuestion();
  // A step entered: each offer made on another step tells moved_on (or _after_opening), once.
  void enteredStep(const std::string& step);
  // The site's goal was reached: each offer still pending tells goal (or _after_opening) once,
  // and is done.
  void goalReached();

  std::vector<HelpEventRecord> take(uint32_t& dropped);
  size_t size() const { return events_.size(); }
  uint32_t dropped() const { return dropped_; }
  size_t pending() const { return pending_.size(); }
  // Consent withdrawn: nothing kept, not even what was pending or asked.
  void clear();

  // The pending offers and whether the question was asked, for the next page of this tab.
  // Lines: "asked" (0/1), then "flags|kind|step" for each pending offer.
  std::string state() const;
  // Replaces what is pending with what `state` holds (storage the page could have touched:
  // what does not parse is skipped, at most kMaxPending offers). Offers restored belong to
  // earlier pages: told() does not apply to them.
  void restore(std::string_view state);

 private:
  enum Flag : uint8_t { kOpened = 1, kDismissed = 2, kHandoff = 4, kAnswered = 8, kMovedOn = 16 };
  struct Pending {
    std::string step;
    FrictionKind kind;
    uint8_t flags = 0;
  };
  void push(const Pending& offer, HelpEvent event);

  std::vector<HelpEventRecord> events_;
  uint32_t dropped_ = 0;
  std::vector<Pending> pending_;  // oldest first
  bool offer_on_this_page_ = false;  // pending_.back() was offered on this page
  bool asked_ = false;               // the question, in this tab session
};

}  // namespace friction
