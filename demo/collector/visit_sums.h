// What the store keeps of the visit tallies (signals/visit_tally.h): per site, step and ε,
// summed, never one row per visit.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "detect/friction_kind.h"

namespace friction::collector {

// The visit tallies of one site's step told with one ε (0: exact), summed.
struct VisitSums {
  std::string site, step;
  double epsilon = 0;
  int64_t visits = 0;
  std::array<int64_t, kFrictionKindCount> said_met{};  // by FrictionKind
  int64_t first_seen_ms = 0;
  int64_t last_seen_ms = 0;
};
}  // namespace friction::collector
