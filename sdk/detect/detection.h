// What a detector reports. Two moments matter:
//  - Detection: friction has just been recognised; the page is told at once so that it can
//    offer help while the user is still stuck.
//  - Episode: the friction is over (e.g. the burst of clicks stopped); its final size is
//    known and it becomes, with consent, one anonymised signal.
#pragma once
#include <cstdint>

#include "detect/friction_cause.h"
#include "detect/friction_kind.h"

namespace friction {

struct Detection {
  FrictionKind kind;
  uint32_t target;  // interned element id (0 = none)
  double at_ms;     // page-relative time of the event that tipped it over
  double score;     // 0..1, how strong the evidence is
  FrictionCause cause = FrictionCause::none;  // why, where the detector can tell
};

struct Episode {
  FrictionKind kind;
  uint32_t target;
  double started_ms;
  double ended_ms;
  uint32_t count;  // events that made it up (clicks for a rage click)
  double score;
  FrictionCause cause = FrictionCause::none;
};

}  // namespace friction
