// The dashboard's "Did help work" section: per step and kind of trouble, the help offered and
// what followed (help_store.h), for the same days and filters as the problems above it. Groups
// with fewer than k offers are not shown, only counted; "left" is derived, never received.
#pragma once
#include <string>
#include <string_view>

#include "dashboard_text.h"
#include "help_store.h"

namespace friction::collector {

// The section's words, one table per language (its own table: dashboard_text.h stays the
// problems view's). "{}" as in dashboard_text.h.
struct HelpSectionText {
  std::string_view heading;
  std::string_view intro;
  std::string_view hidden_one, hidden_many;  // the number of groups, then k
  std::string_view empty;                    // k
  std::string_view exports;
  std::string_view col_help, col_offered, col_opened, col_dismissed, col_handoffs, col_answers,
      col_moved_opened, col_moved_not_opened, col_left, col_goal;
  std::string_view answers;   // yes, no
  std::string_view percent;   // the number
  std::string_view none;      // a share of nothing
  std::string_view on_step;   // between the kind and the step
};

const HelpSectionText& helpSectionText(DashboardLanguage language);

std::string renderHelpSection(const HelpList& list, const DashboardText& text,
                              const HelpSectionText& words);

}  // namespace friction::collector
