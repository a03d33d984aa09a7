// Per-visit tallies: which kinds of friction a visit to a step met, and nothing else. A visit is
// a stretch of time a step was in view: entering a step opens one, leaving it or hiding the page
// closes it (a tab the user comes back to starts a new visit).
//
// A tally carries the step template and a set of kinds: no target, no time, no order, no id, so
// two tallies cannot be linked to each other or to a person. That is what a "notice" site may
// count before the user answers (audience measurement), and what gives the dashboard its
// denominator (share of visits that met friction) once the user agrees to more.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "detect/friction_kind.h"

namespace friction {

struct VisitTally {
  std::string step;
  FrictionKindSet met = 0;  // bit i set: FrictionKind i was met

  bool has(FrictionKind kind) const { return met & bit(kind); }
  static FrictionKindSet bit(FrictionKind kind) { return bitOf(kind); }
};

class VisitTallies {
 public:
  // A page left open for hours by a user flicking between tabs stays bounded.
  static constexpr size_t kCapacity = 100;

  void open(std::string step);
  bool isOpen() const { return open_; }
  void met(FrictionKind kind);
  // Moves the open visit, if any, to the closed ones, through `finish` (randomized response).
  template <typename Finish>
  void close(Finish&& finish) {
    if (!open_) return;
    open_ = false;
    if (closed_.size() >= kCapacity) {
      ++dropped_;
      return;
    }
    closed_.push_back(finish(current_));
  }

  // Closes the open visit without keeping it (nothing may be counted).
  void abandon() { open_ = false; }

  size_t closed() const { return closed_.size(); }
  uint32_t dropped() const { return dropped_; }
  std::vector<VisitTally> take(uint32_t& dropped);
  // Consent withdrawn: forget everything, the open visit's kinds too.
  void clear();

 private:
  VisitTally current_;
  bool open_ = false;
  std::vector<VisitTally> closed_;
  uint32_t dropped_ = 0;
};

}  // namespace friction
