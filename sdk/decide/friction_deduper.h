// Each friction told once, and every kind of it told. A burst of clicks on a button that throws
// is a rage click *and* an error click: the first says how the visitor felt, the second what the
// site did (peers report a list of frustration types per action, e.g. Datadog's
// action.frustration.type). So kinds are not merged with each other, with one exception below.
// Within a kind, each detector merges its own repeats by its own rule (a burst is one rage
// click, a dead button clicked again within its cool-down is the same dead click): two bursts a
// second apart are two episodes, as the detector says.
//
// The exception: a click gets one answer from the site. Dead (nothing), slow (a late answer)
// and error (it broke) are three answers to the same question, so on one element within the
// window the first told wins: a button whose handler throws and then shows nothing is an error
// click, not also a dead one. Rage, form struggle, hesitation and the page-level kinds combine
// with any of them.
//
// Help is offered once for a compound friction by the help trigger's own rule (one offer per
// step until a pause has passed: decide/help_trigger.h), not here.
// Page-level frictions (target 0: scroll, cursor, quick back) are never merged.
#pragma once
#include <array>
#include <cstdint>

#include "detect/detection.h"

namespace friction {

class FrictionDeduper {
 public:
  // Long enough to cover the slowest detector's view of one click (dead click: 2.5 s) and a
  // retry after it.
  static constexpr double kWindowMs = 5000;

  // False if another answer of the site was already told for this element within the window;
  // the matching episode will then be refused too.
  bool admitDetection(const Detection& detection);
  bool admitEpisode(const Episode& episode);
  // A new step: frictions are told per step, so what was told on the last one merges with
  // nothing here (an element of the page's frame, a header button, keeps its id across routes).
  void newStep() { *this = FrictionDeduper{}; }

  // The kinds that say how the site answered a click: at most one of them per click.
  static constexpr bool isSiteAnswer(FrictionKind kind) {
    return kind == FrictionKind::dead_click || kind == FrictionKind::error_click ||
           kind == FrictionKind::slow_response;
  }

 private:
  struct Told {
    uint32_t target = 0;
    FrictionKind kind{};
    double at_ms = 0;
  };
  static bool sameFriction(const Told& earlier, const Detection& later);

  std::array<Told, 8> told_{};        // recent detections, a ring
  std::array<Told, 8> suppressed_{};  // the detections refused, awaiting their episodes
  uint32_t next_told_ = 0;
  uint32_t next_suppressed_ = 0;
};

}  // namespace friction
