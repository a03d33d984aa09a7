// The device class of a batch (sdk/signals/device_class.h) as the problem days store it: small
// integers, so that the rows a view sums stay narrow and a filter compares no text. 0 is
// "unknown": batches of SDKs that did not tell it, and tallies-only batches.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace friction::collector {

inline constexpr std::array<std::string_view, 3> kPointerNames = {"unknown", "touch", "mouse"};
inline constexpr std::array<std::string_view, 4> kWidthNames = {"unknown", "narrow", "medium",
                                                                "wide"};

// The code of a name of `names`, or -1; "" (not told) is unknown.
template <size_t N>
int deviceCodeOf(const std::array<std::string_view, N>& names, std::string_view name) {
  if (name.empty()) return 0;
  for (size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

inline int pointerCode(std::string_view name) { return deviceCodeOf(kPointerNames, name); }
inline int widthCode(std::string_view name) { return deviceCodeOf(kWidthNames, name); }

}  // namespace friction::collector
