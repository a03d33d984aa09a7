// The tallies this tab session has told (signals/visit_tally.h), kept as they were told (after
// randomized response, with their ε) until the tab reaches the site's goal: then each is told
// once more, marked with the goal's name. The same answer sent again draws no new noise, so it
// says nothing new about the kinds met; it adds only "this view was followed by the goal".
//
// Kept across the page loads of one tab (sessionStorage, js/src/tab_memory.js) only while the
// visitor's consent lets tallies be counted; forgotten on withdrawal and once the goal is
// reached, so that each told tally is marked at most once (a second purchase marks only the
// tallies told since the first). Nothing here is an identifier: a list of steps and kinds.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "signals/visit_tally.h"

namespace friction {

struct ToldTally {
  VisitTally tally;  // as told: noisy under "counts", exact under "signals"
  double epsilon;    // 0: exact
};

class ToldTallies {
 public:
  // The tallies of about a hundred page views: a long session keeps its latest, the oldest go.
  static constexpr size_t kCapacity = 100;

  void keep(VisitTally told, double epsilon);
  // The goal was reached: every kept tally, in the order told, and none kept any more.
  std::vector<ToldTally> takeAll() { return std::exchange(kept_, {}); }
  size_t size() const { return kept_.size(); }
  void clear() { kept_.clear(); }

  // The text kept in the tab's sessionStorage: one tally a line,
  // "<ε in 1/10000>|<kinds as bits>|<help: - 0 1>|<step>". restore() replaces what is kept with
  // what `state` holds, skipping lines that do not parse (storage the page could have touched).
  std::string state() const;
  void restore(std::string_view state);

 private:
  std::vector<ToldTally> kept_;
};

}  // namespace friction
