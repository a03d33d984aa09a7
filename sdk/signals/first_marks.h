// Which problems (kind, step, target) this page load has already told a signal for: the first
// signal of each is marked `first`, so that the collector counts one page view per problem
// however many batches the page view spans. Same scope as a visit tally
// (signals/visit_tally.h): the page load. Nothing clears it: a second episode on the same
// target after a route change, a consent change or a hidden tab is still the same page view.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "detect/friction_kind.h"

namespace friction {

class FirstMarks {
 public:
  // A page load meeting more distinct problems than this is a page left open for days; past
  // it, signals go unmarked (their page views are not counted) rather than memory growing.
  static constexpr size_t kCapacity = 1000;

  // True the first time (kind, step, target_hash) is told in this page load.
  bool take(FrictionKind kind, const std::string& step, uint64_t target_hash) {
    const Problem problem{kind, step, target_hash};
    if (told_.size() >= kCapacity || std::find(told_.begin(), told_.end(), problem) != told_.end())
      return false;
    told_.push_back(problem);
    return true;
  }
  size_t size() const { return told_.size(); }

 private:
  using Problem = std::tuple<FrictionKind, std::string, uint64_t>;
  // Searched in turn: a signal is told a few times a page, and the list is capped.
  std::vector<Problem> told_;
};

}  // namespace friction
