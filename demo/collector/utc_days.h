// UTC calendar days as the problem views count them (days since 1970-01-01) and as people
// write them ("2026-11-03"), for the filter form, its links and the range shown.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace friction::collector {

inline constexpr int64_t kMsPerDay = 86'400'000;

// The day `unix_ms` falls on, in UTC; floor, so that a time before 1970 is on the day before.
int64_t utcDayOf(int64_t unix_ms);

// "2026-11-03" for the day 20760.
std::string utcDateText(int64_t day);

// The day a strict "YYYY-MM-DD" names (a real date of the years 1970 to 9999); nothing for
// anything else: "2026-2-3", "2026-02-30", "2026-02-03T00:00".
std::optional<int64_t> parseUtcDate(std::string_view text);

}  // namespace friction::collector
