// The public vocabulary of friction. The names are part of the SDK's contract: they appear in
// `friction:detected` events, in signals and in the dashboard.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace friction {

enum class FrictionKind : uint8_t {
  rage_click,
  dead_click,
  error_click,
  form_struggle,
  scroll_thrash,
  quick_back,
  cursor_thrash,
  hesitation,
  slow_response,
};

inline constexpr std::string_view kFrictionKindNames[] = {
    "rage_click",   "dead_click",  "error_click", "form_struggle", "scroll_thrash",
    "quick_back",   "cursor_thrash", "hesitation", "slow_response",
};

inline std::string_view name(FrictionKind kind) {
  return kFrictionKindNames[static_cast<uint8_t>(kind)];
}

inline std::optional<FrictionKind> parseFrictionKind(std::string_view text) {
  for (uint8_t i = 0; i < std::size(kFrictionKindNames); ++i)
    if (kFrictionKindNames[i] == text) return static_cast<FrictionKind>(i);
  return std::nullopt;
}

}  // namespace friction
