#include "signals/visit_tally.h"

#include <algorithm>
#include <utility>

#include "common/insertion_sort.h"

namespace friction {

void VisitTallies::open(std::string step) {
  open_ = false;
  if (std::find(told_steps_.begin(), told_steps_.end(), step) != told_steps_.end()) return;
  if (told_steps_.size() >= kMaxStepsPerPage) {
    ++dropped_;
    return;
  }
  // Told from the moment it opens: closed, abandoned or sent, the step has had its one answer.
  told_steps_.push_back(step);
  current_ = VisitTally{std::move(step), 0, false, {}};
  open_ = true;
}

void VisitTallies::met(FrictionKind kind) {
  if (open_) current_.met |= VisitTally::bit(kind);
}

void VisitTallies::helpAsked() {
  if (open_) current_.help = true;
}

void VisitTallies::addGoalTally(VisitTally told, double epsilon) {
  if (closed_.size() >= kCapacity) {
    ++dropped_;
    return;
  }
  closed_.push_back(Told{std::move(told), epsilon});
}

void VisitTallies::abandon() {
  // The open step is the last one told.
  if (open_) told_steps_.pop_back();
  open_ = false;
}

std::vector<VisitTally> VisitTallies::take(double& epsilon, uint32_t& dropped) {
  dropped = std::exchange(dropped_, 0);
  epsilon = closed_.empty() ? 0 : closed_.front().epsilon;
  std::vector<VisitTally> taken;
  std::vector<Told> kept;
  for (auto& told : closed_) {
    if (told.epsilon == epsilon)
      taken.push_back(std::move(told.tally));
    else
      kept.push_back(std::move(told));
  }
  closed_ = std::move(kept);
  auto before = [](const VisitTally& a, const VisitTally& b) {
    if (a.step != b.step) return a.step < b.step;
    return a.met != b.met ? a.met < b.met : a.goal < b.goal;
  };
  insertionSort(taken, before);
  return taken;
}

void VisitTallies::clear() {
  if (open_) {
    current_.met = 0;
    current_.help = false;
  }
  closed_.clear();
  dropped_ = 0;
}

}  // namespace friction
