// Which problems to tell a team about, and the message that tells them (issue 14): a problem
// whose affected page views in the last 7 full UTC days rose well above the 7 days before (the
// store's trend rule, trendOf), or that is new, with enough page views that noise pages no one.
// Pure: the store's query, the ledger of alerts sent (alert_ledger.h) and the POST
// (alert_watcher.h) are elsewhere.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "problems.h"

namespace friction::collector {

// Page views affected in the week below which nothing is alerted, new or worse. The views' k (5)
// is a privacy floor, not a noise floor: 5 page views in a week is one visitor's bad afternoon,
// and "new" has no significance test at all (any count over 0). 20 a week is about 3 a day,
// every day; and a rise to 20 passes trendOf's z ≈ 2 only from 8 or fewer, so what is alerted
// is a change a person would also call one.
inline constexpr int64_t kAlertMinViews = 20;
// Lines in one message; the rest is counted ("and 3 more"): a chat message stays readable, and
// the dashboard lists them all.
inline constexpr size_t kAlertMaxLines = 10;
inline constexpr int64_t kAlertWeekDays = 7;

// A problem's identity, as the ledger keeps it.
struct AlertKey {
  std::string site, step, kind, target;
  bool operator<(const AlertKey& other) const {
    return std::tie(site, step, kind, target) <
           std::tie(other.site, other.step, other.kind, other.target);
  }
};
AlertKey alertKeyOf(const Problem& problem);

// The last 7 full UTC days before now's day ([today - 7, today)), every site, step and kind, at
// least kAlertMinViews page views, with no cap a real site reaches: a worsening problem ranked
// low by views must still be seen. The store fills in previous_views from the 7 days before.
ProblemQuery alertQuery(int64_t now_ms);

// From a week's problems (alertQuery's), the ones to alert on, in the list's order (most page
// views first): at least kAlertMinViews, new or worse by trendOf (recomputed here, not read
// from the list), and not in `already_alerted`.
std::vector<Problem> pickAlerts(const ProblemList& week, const std::set<AlertKey>& already_alerted);

// The same from two weeks read apart: `previous` gives each problem of `current` its
// previous_views (0 when absent there) before picking.
std::vector<Problem> pickAlerts(const ProblemList& current, const ProblemList& previous,
                                const std::set<AlertKey>& already_alerted);

// The webhook's body, which a Slack incoming webhook accepts: {"text": "...", "problems": [...]}
// (Slack ignores the second field; other receivers can read it). One line of text per problem,
// at most `max_lines`, then "and N more". With a `dashboard_url` (".../dashboard"), each line
// ends with a link to the dashboard filtered to the problem's site, step and kind over the week.
std::string alertJson(const std::vector<Problem>& alerts, int64_t week_from_day,
                      const std::string& dashboard_url, size_t max_lines = kAlertMaxLines);

}  // namespace friction::collector
