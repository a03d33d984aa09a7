// UTC calendar days as the problems API names them: "2026-11-29" <-> days since 1970-01-01.
// Pure arithmetic (no time zone, no libc state), proleptic Gregorian calendar.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace friction::collector {

inline constexpr int64_t kMsPerUtcDay = 24LL * 3600 * 1000;

// The UTC day of a unix time in ms (floored: times before 1970 fall on the day before).
int64_t utcDayOf(int64_t unix_ms);

// "YYYY-MM-DD", exactly 10 characters, a real date (2026-02-30 is not); years 1970..9999.
std::optional<int64_t> parseUtcDay(std::string_view text);

std::string formatUtcDay(int64_t day);

}  // namespace friction::collector
