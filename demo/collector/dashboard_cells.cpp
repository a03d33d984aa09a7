#include "dashboard_cells.h"

#include "detect/friction_kind.h"
#include "time_text.h"
#include "utc_day.h"

namespace friction::collector {

std::string kindWords(std::string_view kind, const DashboardText& text) {
  if (const auto known = parseFrictionKind(kind))
    return std::string(text.kinds[static_cast<size_t>(*known)]);
  return std::string(kind);
}

std::string numberCell(int64_t value) {
  return "<td class=\"num\">" + std::to_string(value) + "</td>";
}

std::string dayCell(int64_t unix_ms) {
  if (unix_ms <= 0) return "<td>–</td>";
  return "<td><time datetime=\"" + isoUtcTime(unix_ms) + "\" title=\"" + utcTime(unix_ms) +
         "\">" + formatUtcDay(utcDayOf(unix_ms)) + "</time></td>";
}

}  // namespace friction::collector
