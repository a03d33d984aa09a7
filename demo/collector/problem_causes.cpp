#include "problem_causes.h"

#include "detect/friction_cause.h"

namespace friction::collector {

std::vector<CauseCount> shownCauses(const std::map<std::string, int64_t>& signals_by_cause,
                                    int64_t min_count) {
  std::vector<CauseCount> shown;
  // From the first real cause: "none" is never stored (the intake takes no such value).
  for (size_t i = 1; i < kFrictionCauseCount; ++i) {
    const auto at = signals_by_cause.find(std::string(kFrictionCauseNames[i]));
    if (at != signals_by_cause.end() && at->second > 0 && at->second >= min_count)
      shown.push_back({at->first, at->second});
  }
  return shown;
}

}  // namespace friction::collector
