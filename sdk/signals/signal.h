// An anonymised friction signal: the only thing about the user's behaviour that can leave the
// browser, and only with consent. No text, no values, no full URL, no user or session id.
#pragma once
#include <cstdint>
#include <string>

#include "detect/friction_cause.h"
#include "detect/friction_kind.h"

namespace friction {

struct Signal {
  FrictionKind kind;
  std::string step;         // path template, e.g. "/product/:id"
  std::string role;         // ARIA role or tag-derived role of the target, e.g. "button"
  uint64_t target_hash;     // keyed hash of the target's selector
  uint32_t count;           // events in the episode (clicks, reversals...)
  uint32_t at_s;            // page-relative start, rounded down to kTimeBucketSeconds
  uint32_t span_ms;         // duration, rounded to kSpanBucketMs
  double score;             // 0..1, rounded to one decimal
  // The first signal of its (kind, step, target) in this page load: the collector counts page
  // views affected by these alone (engine.h, FirstMarks).
  bool first = false;
  std::string name = {};    // the name the site gave the element, cleaned; "" if none
  // Why, for the kinds that say (encode/field_rules.h, kKindCauses); none for the others.
  FrictionCause cause = FrictionCause::none;
};

// Coarse timing: enough to tell "right after arriving" from "after a while", not enough to
// line a signal up with other logs.
inline constexpr uint32_t kTimeBucketSeconds = 10;
inline constexpr uint32_t kSpanBucketMs = 100;

}  // namespace friction
