// Every detector, one per kind, as the kinds list names them (detect/friction_kind.h): adding a
// kind to the list adds its detector here. Their headers come from detector_headers.h, which
// the build writes with every header under detect/, so a new detector's files are all it takes.
#pragma once
#include <type_traits>

#include "detect/friction_kind.h"
#include "detector_headers.h"

namespace friction {

namespace detail {
// Most detectors read events; quick_back reads steps (the engine calls it on each new step).
template <typename Detector, typename = void>
struct ReadsEvents : std::false_type {};
template <typename Detector>
struct ReadsEvents<Detector, std::void_t<decltype(&Detector::onEvent)>> : std::true_type {};
template <typename Detector, typename = void>
struct ReadsSteps : std::false_type {};
template <typename Detector>
struct ReadsSteps<Detector, std::void_t<decltype(&Detector::onEnterStep)>> : std::true_type {};
}  // namespace detail

// A detector says which kind it reports; the list must pair it with that kind. It reads events
// or steps (one onEvent or one onEnterStep): a detector the engine would never call is refused.
#define FRICTION_CHECK_DETECTOR(kind, detector, weight, help, training)                         \
  static_assert(detector::kKind == FrictionKind::kind, #detector " does not report " #kind);  \
  static_assert(detail::ReadsEvents<detector>::value != detail::ReadsSteps<detector>::value, \
                #detector " needs one onEvent or one onEnterStep");
FRICTION_KINDS(FRICTION_CHECK_DETECTOR)
#undef FRICTION_CHECK_DETECTOR

struct DetectorSet {
#define FRICTION_DETECTOR_MEMBER(kind, detector, weight, help, training) detector kind;
  FRICTION_KINDS(FRICTION_DETECTOR_MEMBER)
#undef FRICTION_DETECTOR_MEMBER

  // visit(kind, detector) for each detector that reads events.
  template <typename Visit>
  void forEach(Visit&& visit) {
#define FRICTION_VISIT_EVENT_DETECTOR(kind, detector, weight, help, training) \
  if constexpr (detail::ReadsEvents<detector>::value) visit(FrictionKind::kind, this->kind);
    FRICTION_KINDS(FRICTION_VISIT_EVENT_DETECTOR)
#undef FRICTION_VISIT_EVENT_DETECTOR
  }

  // visit(kind, detector) for every detector, those reading steps included (thresholds).
  template <typename Visit>
  void forEachDetector(Visit&& visit) {
#define FRICTION_VISIT_DETECTOR(kind, detector, weight, help, training) \
  visit(FrictionKind::kind, this->kind);
    FRICTION_KINDS(FRICTION_VISIT_DETECTOR)
#undef FRICTION_VISIT_DETECTOR
  }
};

}  // namespace friction
