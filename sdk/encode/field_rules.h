// What a batch or a hand-off may carry, field by field: one set of rules, so that the core
// writes only what the collector takes. The core keeps to them when it writes (engine.cpp,
// anonymise/step_template.cpp, journey/journey_log.cpp); the collector checks them when it
// reads (demo/collector/intake/).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "detect/friction_cause.h"
#include "detect/friction_kind.h"

namespace friction::field_rules {

// A step template is a label, not a record of the URL.
inline constexpr size_t kMaxStepChars = 256;
// ":productId": the name of a route parameter.
inline constexpr size_t kMaxParameterNameChars = 32;
// "button", "link", "page": a word from the JS layer's list.
inline constexpr size_t kMaxRoleChars = 32;
// Clicks or tries in one episode.
inline constexpr uint32_t kMaxCount = 100000;
// When on the page an episode began: past a week the tab was left open, and "a week" says it.
inline constexpr uint32_t kMaxAtSeconds = 7 * 24 * 3600;
// How long an episode lasted: past an hour (an abandoned form) it is "an hour or more".
inline constexpr uint32_t kMaxSpanMs = 3600 * 1000;
// Time on one step of a hand-off's journey: past a day it is "a day or more".
inline constexpr uint32_t kMaxStepSeconds = 24 * 3600;
// Times a kind was met on one step of a journey.
inline constexpr uint32_t kMaxMetCount = 65535;

// A name the site gave an element (data-friction-name="apply-coupon"): a label for the
// dashboard, long enough for "checkout: apply coupon", too short for a sentence of page text.
inline constexpr size_t kMaxElementNameChars = 64;

inline bool isParameterNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
inline bool isRoleChar(char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '-'; }
// Any byte of a path but a query, a fragment, whitespace or a control character.
inline bool isStepChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return c != '?' && c != '#' && c != ' ' && byte >= 0x20 && byte != 0x7f;
}

// The name of the site's goal on a goal tally ("purchase", "signup"): a word the site chose,
// short and plain, so that it cannot carry an id or a page's text.
inline constexpr size_t kMaxGoalChars = 32;
inline bool isGoalChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
inline bool isGoalName(std::string_view name) {
  if (name.empty() || name.size() > kMaxGoalChars) return false;
  for (char c : name)
    if (!isGoalChar(c)) return false;
  return true;
}

// ASCII letters, digits, space and - _ . : / : words and separators, no markup, no quotes.
inline bool isElementNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == ' ' || c == '-' || c == '_' || c == '.' || c == ':' || c == '/';
}

// The causes a kind may carry in a signal, in one place: the core drops any other before it
// sends, the collector refuses any other at intake, the dashboard lists these. A kind not listed
// carries none ("cause" absent). "none" itself is never sent: its absence says it.
struct KindCauses {
  FrictionKind kind;
  uint32_t causes;  // bit i: FrictionCause i
};
inline constexpr uint32_t causeBit(FrictionCause cause) {
  return 1u << static_cast<uint8_t>(cause);
}
inline constexpr KindCauses kKindCauses[] = {
    {FrictionKind::form_struggle,
     causeBit(FrictionCause::validation_loop) | causeBit(FrictionCause::re_entry) |
         causeBit(FrictionCause::rejected_submit) | causeBit(FrictionCause::abandonment)},
};
inline constexpr uint32_t causesOf(FrictionKind kind) {
  for (const auto& entry : kKindCauses)
    if (entry.kind == kind) return entry.causes;
  return 0;
}
inline constexpr bool carriesCause(FrictionKind kind, FrictionCause cause) {
  return (causesOf(kind) & causeBit(cause)) != 0;
}
static_assert(!carriesCause(FrictionKind::form_struggle, FrictionCause::none),
              "none is never sent: the key is left out");

// Why `step` is not a clean template, or nullptr if it is one.
const char* stepProblem(std::string_view step);
// Whether one segment (no '/') may stand in a template as it is.
bool isCleanSegment(std::string_view segment);
// A role as the collector takes it: lower-cased, other characters dropped, cut; "unknown" if
// nothing is left.
std::string cleanRole(std::string_view role);
// An element's name as the core sends it: personal data scrubbed (anonymise/pii_scrub.h), other
// characters dropped, identifier-like words (an order number, a token) replaced with ":id",
// spaces trimmed, cut to kMaxElementNameChars; "" if nothing is left.
std::string cleanElementName(std::string_view name);
// Why `name` is not a clean element name, or nullptr if it is one (what the collector takes).
const char* elementNameProblem(std::string_view name);

}  // namespace friction::field_rules
