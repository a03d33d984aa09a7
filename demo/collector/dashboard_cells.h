// Pieces every table of the dashboard writes the same way: a kind in the page's words, a number
// cell, a day cell. One place, so that the problems, help and step tables cannot drift apart.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "dashboard_text.h"

namespace friction::collector {

// "rage clicks" for "rage_click", in the page's language; a kind newer than the table: its name.
std::string kindWords(std::string_view kind, const DashboardText& text);

std::string numberCell(int64_t value);

// The day, which is what a range of days needs; the exact UTC time on hover. "–" for none.
std::string dayCell(int64_t unix_ms);

}  // namespace friction::collector
