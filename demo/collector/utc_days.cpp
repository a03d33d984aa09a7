#include "utc_days.h"

#include <cstdio>

namespace friction::collector {
namespace {

// Howard Hinnant's days_from_civil and civil_from_days (public domain): exact for the
// proleptic Gregorian calendar, without the C library's time zone.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int64_t year;
  unsigned month, day;
};

Civil civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool digits(std::string_view text, size_t from, size_t count, unsigned& value) {
  value = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return true;
}

}  // namespace

int64_t utcDayOf(int64_t unix_ms) {
  return unix_ms >= 0 ? unix_ms / kMsPerDay : -((-unix_ms + kMsPerDay - 1) / kMsPerDay);
}

std::string utcDateText(int64_t day) {
  const Civil c = civilFromDays(day);
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return text;
}

std::optional<int64_t> parseUtcDate(std::string_view text) {
  unsigned year, month, day;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, year) ||
      !digits(text, 5, 2, month) || !digits(text, 8, 2, day))
    return std::nullopt;
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const int64_t days = daysFromCivil(year, month, day);
  // 2026-02-30 would land on March 2nd: a date is real if it reads back the same.
  const Civil back = civilFromDays(days);
  if (back.month != month || back.day != day) return std::nullopt;
  return days;
}

}  // namespace friction::collector
