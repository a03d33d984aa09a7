#include "batch_rollup.h"

#include <algorithm>

#include "device_codes.h"

namespace friction::collector {

BatchRollup rollUp(const ReceivedBatch& batch) {
  BatchRollup out;
  // A problem's page views are its signals marked first (v2), exact however many batches a
  // page view spans; a v1 batch has no marks and counts one page view per problem.
  const bool marks_first = batch.version >= 2;
  for (const auto& signal : batch.signals) {
    ProblemPart& part = out.problems[{signal.step, signal.kind, signal.target}];
    part.role = signal.role;
    if (!signal.name.empty()) part.name = signal.name;
    ++part.signals;
    if (!signal.cause.empty()) ++part.causes[signal.cause];
    part.events += signal.count;
    part.views = marks_first ? part.views + (signal.first ? 1 : 0) : 1;
  }
  for (const auto& visit : batch.visits) {
    OutcomePart& outcome = out.outcomes[{visit.step, visit.goal}];
    ++outcome.views;
    if (visit.help == 0 && !visit.met.empty()) ++outcome.quiet;
    for (const auto& kind : visit.met) ++outcome.said_met[kind];
    if (!visit.goal.empty()) continue;
    VisitPart& part = out.visits[visit.step];
    ++part.visits;
    for (const auto& kind : visit.met) ++part.said_met[kind];
  }
  for (const auto& event : batch.help) ++out.help[{event.step, event.kind, event.event}];
  out.pointer = std::max(0, pointerCode(batch.pointer));
  out.width = std::max(0, widthCode(batch.width));
  return out;
}

}  // namespace friction::collector
