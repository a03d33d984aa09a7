// Per-view tallies: which kinds of friction a page view of a step met, and nothing else. A
// page load tells at most one tally per step: the first time the step is in view, from entering
// it until it is left or the page is hidden. A return to the step, or to the tab, adds nothing:
// a second tally would be a second answer about the same person and step, and twenty noisy
// answers reveal the truth by majority (anonymise/randomized_response.h has the accounting).
//
// A tally carries the step template and a set of kinds: no target, no time, no id. The tallies
// of one page load may travel in one batch; they go sorted by step, so their order says nothing
// about the path. That is what a "notice" site may count before the user answers (audience
// measurement), and what gives the dashboard its denominator (share of page views that met
// friction).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "detect/friction_kind.h"

namespace friction {

struct VisitTally {
  std::string step;
  FrictionKindSet met = 0;  // bit i set: FrictionKind i was met
  // Whether the visitor asked for help (opened it, or asked for a person) during the view: told
  // only in exact tallies (signals consent), absent otherwise.
  std::optional<bool> help;
  // Empty for a view's own tally; a goal's name for the same tally told again because the tab
  // went on to reach that goal (signals/told_tallies.h).
  std::string goal;

  bool has(FrictionKind kind) const { return met & bit(kind); }
  static FrictionKindSet bit(FrictionKind kind) { return bitOf(kind); }
};

class VisitTallies {
 public:
  // A page left open for hours by a user going through many steps stays bounded.
  static constexpr size_t kCapacity = 100;
  // Steps a page load can tell a tally for; beyond, new steps are counted as dropped.
  static constexpr size_t kMaxStepsPerPage = 500;

  // Opens the step's tally, unless this page load has told one for it already.
  void open(std::string step);
  bool isOpen() const { return open_; }
  void met(FrictionKind kind);
  // The visitor asked for help during the open view.
  void helpAsked();
  // A tally told before, told again marked with a goal (signals/told_tallies.h): waits with the
  // closed ones, under the same bound, with the ε it was first told with.
  void addGoalTally(VisitTally told, double epsilon);
  // Moves the open tally, if any, to the closed ones, told through `finish` (randomized
  // response, or as it is) with the ε `finish` used (0: exact).
  template <typename Finish>
  void close(double epsilon, Finish&& finish) {
    if (!open_) return;
    open_ = false;
    if (closed_.size() >= kCapacity) {
      ++dropped_;
      return;
    }
    closed_.push_back(Told{finish(current_), epsilon});
  }

  // Closes the open tally without keeping it (nothing may be counted): the step is not told.
  void abandon();

  size_t closed() const { return closed_.size(); }
  uint32_t dropped() const { return dropped_; }
  // The closed tallies told with one ε (the oldest's), sorted by step, kinds, then goal; the others
  // wait for the next call: a batch names one ε.
  std::vector<VisitTally> take(double& epsilon, uint32_t& dropped);
  // Consent withdrawn: forget everything unsent, the open tally's kinds too. The steps already
  // told stay told: what was sent cannot be unsent, and a new answer would add to it.
  void clear();

 private:
  struct Told {
    VisitTally tally;
    double epsilon;
  };
  VisitTally current_;
  bool open_ = false;
  std::vector<Told> closed_;
  std::vector<std::string> told_steps_;  // at most kMaxStepsPerPage: searched in turn
  uint32_t dropped_ = 0;
};

}  // namespace friction
