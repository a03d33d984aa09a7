// The public vocabulary of friction, declared once. The names are part of the SDK's contract:
// they appear in `friction:detected` events, in signals and in the dashboard. Everything that
// lists kinds is made from FRICTION_KINDS: the enum and names below, the detectors the engine
// runs (detect/detector_set.h), the step score's weights (decide/step_score.h), the kinds
// answered with help by default (decide/help_trigger.h), the dictionary's training batches
// (tools/), and the JavaScript list and type definitions (the build writes them from here).
//
// Adding a kind: its detector's files under detect/, one line below, and its words in each
// language of js/src/i18n/ (tests/node/kind_words.test.mjs checks every kind has them).
//
// Columns, and why each value:
//  - detector: the class that recognises it (detect/<kind>.h).
//  - weight: how strongly the kind says "this person is stuck", in the step score. No peer
//    publishes weights (their frustration scores are computed server side, after the session),
//    so these are our judgement, tuned on the corpus (tests/corpus/) and open to each site
//    ("score.weight.<kind>"). A rage click (1.0) or an error right after a click (0.9) rarely
//    happens to someone who is fine; a dead click (0.6) and form struggle (0.7) often do not
//    resolve by themselves; a quick back (0.5) and a slow answer (0.4) may be the page's fault
//    without stopping anyone; hesitation and scroll thrash (0.3) are also how people read;
//    cursor thrash (0.2) is the kind with the most innocent causes (FullStory itself gives no
//    rule for it beyond "erratic").
//  - help: answered with help at its first sign by default (sites change it: setHelpKinds).
//    The kinds where the visitor is stuck at a precise element and cannot go on alone: a rage
//    click (they are angry at it), a dead click (it does nothing; they will try again or leave),
//    an error click (it broke) and form struggle (the field or form refuses them). Help can name
//    the element and say what to do. The others wait for the step's score to cross the help
//    threshold: scroll thrash and hesitation are also how people read and decide, a quick back
//    is often a choice, a slow answer still came, and cursor thrash has the most innocent causes;
//    alone they would offer help to people who are fine (the README's table says so too).
//  - training: the kind's share of the signals in the zstd dictionary's training batches
//    (tools/dictionary/), roughly how often the anchors' tools report each: clicks dominate.
//    A new kind starts at 0 (the shipped dictionary must still reproduce); it gets a share
//    when the next dictionary is trained under a new id (encode/dictionary.h).
//
// Order matters: a kind's index is its bit in visit tallies and help offers, its place in the
// binary records handed to the codec, in the tab's stored journey (sessionStorage, read back by
// the next page's SDK) and in the order the training corpus draws kinds. Append new kinds at
// the end; the asserts below hold the shipped ones in place.
#pragma once
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

//                       kind           detector              weight help   training
#define FRICTION_KINDS(KIND)                                                        \
  KIND(rage_click,    RageClickDetector,    1.0, true,  0.22)                      \
  KIND(dead_click,    DeadClickDetector,    0.6, true,  0.28)                      \
  KIND(error_click,   ErrorClickDetector,   0.9, true,  0.08)                      \
  KIND(form_struggle, FormStruggleDetector, 0.7, true,  0.12)                      \
  KIND(scroll_thrash, ScrollThrashDetector, 0.3, false, 0.06)                      \
  KIND(quick_back,    QuickBackDetector,    0.5, false, 0.08)                      \
  KIND(cursor_thrash, CursorThrashDetector, 0.2, false, 0.04)                      \
  KIND(hesitation,    HesitationDetector,   0.3, false, 0.07)                      \
  KIND(slow_response, SlowResponseDetector, 0.4, false, 0.05)

namespace friction {

enum class FrictionKind : uint8_t {
#define FRICTION_KIND_ENUMERATOR(kind, detector, weight, help, training) kind,
  FRICTION_KINDS(FRICTION_KIND_ENUMERATOR)
#undef FRICTION_KIND_ENUMERATOR
};

struct FrictionKindInfo {
  std::string_view name;
  double weight;          // in the step score
  bool help_at_first_sign;
  double training_share;  // of the dictionary's training signals
};

inline constexpr FrictionKindInfo kFrictionKinds[] = {
#define FRICTION_KIND_INFO(kind, detector, weight, help, training) {#kind, weight, help, training},
    FRICTION_KINDS(FRICTION_KIND_INFO)
#undef FRICTION_KIND_INFO
};

inline constexpr size_t kFrictionKindCount = std::size(kFrictionKinds);

inline constexpr std::string_view kFrictionKindNames[] = {
#define FRICTION_KIND_NAME(kind, detector, weight, help, training) #kind,
    FRICTION_KINDS(FRICTION_KIND_NAME)
#undef FRICTION_KIND_NAME
};

// Names alone, apart from the other columns: the codec needs only these, and a table it reads
// is a table the linker keeps in its wasm.
inline constexpr std::string_view name(FrictionKind kind) {
  return kFrictionKindNames[static_cast<uint8_t>(kind)];
}

inline constexpr const FrictionKindInfo& info(FrictionKind kind) {
  return kFrictionKinds[static_cast<uint8_t>(kind)];
}

inline std::optional<FrictionKind> parseFrictionKind(std::string_view text) {
  for (uint8_t i = 0; i < kFrictionKindCount; ++i)
    if (kFrictionKindNames[i] == text) return static_cast<FrictionKind>(i);
  return std::nullopt;
}

// Bit sets of kinds (visit tallies, help offers, the kinds answered at first sign) are 16 bits.
using FrictionKindSet = uint16_t;
inline constexpr FrictionKindSet bitOf(FrictionKind kind) {
  return static_cast<FrictionKindSet>(1u << static_cast<uint8_t>(kind));
}
static_assert(kFrictionKindCount <= 16, "kind sets are 16-bit: widen FrictionKindSet first");

namespace kind_checks {
constexpr bool weightsInSettableRange() {
  for (const auto& kind : kFrictionKinds)
    if (!(kind.weight > 0 && kind.weight <= 5)) return false;  // StepScoreSettings::set's range
  return true;
}
constexpr bool trainingSharesSumToOne() {
  double sum = 0;
  for (const auto& kind : kFrictionKinds) {
    if (kind.training_share < 0) return false;
    sum += kind.training_share;
  }
  return sum > 0.999999 && sum < 1.000001;
}
constexpr bool namesUnique() {
  for (size_t i = 0; i < kFrictionKindCount; ++i)
    for (size_t j = i + 1; j < kFrictionKindCount; ++j)
      if (kFrictionKinds[i].name == kFrictionKinds[j].name) return false;
  return true;
}
}  // namespace kind_checks
static_assert(kind_checks::weightsInSettableRange(), "every kind needs a weight in (0, 5]");
static_assert(kind_checks::trainingSharesSumToOne(), "training shares must sum to 1");
static_assert(kind_checks::namesUnique(), "kind names must be unique");
// The kinds shipped so far keep their places (see "Order matters" above).
static_assert(static_cast<int>(FrictionKind::rage_click) == 0 &&
                  static_cast<int>(FrictionKind::dead_click) == 1 &&
                  static_cast<int>(FrictionKind::error_click) == 2 &&
                  static_cast<int>(FrictionKind::form_struggle) == 3 &&
                  static_cast<int>(FrictionKind::scroll_thrash) == 4 &&
                  static_cast<int>(FrictionKind::quick_back) == 5 &&
                  static_cast<int>(FrictionKind::cursor_thrash) == 6 &&
                  static_cast<int>(FrictionKind::hesitation) == 7 &&
                  static_cast<int>(FrictionKind::slow_response) == 8,
              "shipped kinds are appended to, never reordered");

}  // namespace friction
