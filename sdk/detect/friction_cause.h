// Why a friction happened, where a detector can tell more than its kind: today form struggle
// ("the site kept rejecting the postcode" and "the visitor kept rewriting their name" call for
// different fixes). Part of the SDK's contract like the kinds: the names appear in
// `friction:detected` events, in signals and on the dashboard. Append, never reorder: the index
// travels in the binary records handed to the codec.
#pragma once
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

//                 cause             what it means
#define FRICTION_CAUSES(CAUSE)                                                          \
  CAUSE(none)            /* the kind says it all */                                     \
  CAUSE(validation_loop) /* a field rejected again after the visitor edited it */       \
  CAUSE(re_entry)        /* a field rewritten again and again, nothing rejected */      \
  CAUSE(rejected_submit) /* the form sent and refused again, or a send that did nothing */ \
  CAUSE(abandonment)     /* a form left unfinished after real effort */

namespace friction {

enum class FrictionCause : uint8_t {
#define FRICTION_CAUSE_ENUMERATOR(cause) cause,
  FRICTION_CAUSES(FRICTION_CAUSE_ENUMERATOR)
#undef FRICTION_CAUSE_ENUMERATOR
};

inline constexpr std::string_view kFrictionCauseNames[] = {
#define FRICTION_CAUSE_NAME(cause) #cause,
    FRICTION_CAUSES(FRICTION_CAUSE_NAME)
#undef FRICTION_CAUSE_NAME
};

inline constexpr size_t kFrictionCauseCount = std::size(kFrictionCauseNames);

inline constexpr std::string_view name(FrictionCause cause) {
  return kFrictionCauseNames[static_cast<uint8_t>(cause)];
}

inline std::optional<FrictionCause> parseFrictionCause(std::string_view text) {
  for (uint8_t i = 0; i < kFrictionCauseCount; ++i)
    if (kFrictionCauseNames[i] == text) return static_cast<FrictionCause>(i);
  return std::nullopt;
}

}  // namespace friction
