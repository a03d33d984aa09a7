#include "problem_alerts.h"

#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "problem_query_params.h"
#include "problem_store.h"
#include "problems_json.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

// Slack reads <...> as links and mentions (<!channel> would ping everyone) and & as the start
// of an entity: these three are escaped in everything a client could have written.
std::string slackEscaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// "button 8bf6fc01…": the role and enough of the hash to find it in the dashboard.
std::string elementText(const Problem& problem) {
  if (problem.target.empty()) return "the page itself";
  return (problem.role.empty() ? "element" : problem.role) + " " + problem.target.substr(0, 8) +
         "\u2026";
}

std::string viewsText(int64_t views) {
  return views == 1 ? "1 page view" : std::to_string(views) + " page views";
}

std::string dashboardLink(const Problem& problem, int64_t week_from_day,
                          const std::string& dashboard_url) {
  ProblemQuery query;
  query.from_day = week_from_day;
  query.to_day = week_from_day + kAlertWeekDays;
  query.site = problem.site;
  query.step = problem.step;
  query.kind = problem.kind;
  const char* separator = dashboard_url.find('?') == std::string::npos ? "?" : "&";
  return dashboard_url + separator + problemQueryString(query);
}

std::string lineOf(const Problem& problem) {
  std::string line = problem.site + ": " + problem.kind + " on " + problem.step + " (" +
                     elementText(problem) + "): " + viewsText(problem.views) + " this week, ";
  line += problem.previous_views == 0 ? "none the week before (new)"
                                      : std::to_string(problem.previous_views) + " the week before";
  return line;
}

}  // namespace

AlertKey alertKeyOf(const Problem& problem) {
  return {problem.site, problem.step, problem.kind, problem.target};
}

ProblemQuery alertQuery(int64_t now_ms) {
  ProblemQuery query;
  query.to_day = utcDayOf(now_ms);
  query.from_day = query.to_day - kAlertWeekDays;
  query.min_views = kAlertMinViews;
  query.limit = std::numeric_limits<size_t>::max();
  return query;
}

std::vector<Problem> pickAlerts(const ProblemList& week,
                                const std::set<AlertKey>& already_alerted) {
  std::vector<Problem> picked;
  for (const Problem& problem : week.problems) {
    if (problem.views < kAlertMinViews) continue;
    const ProblemTrend trend = trendOf(problem.views, problem.previous_views);
    if (trend != ProblemTrend::new_problem && trend != ProblemTrend::worse) continue;
    if (already_alerted.count(alertKeyOf(problem))) continue;
    picked.push_back(problem);
    picked.back().trend = trend;
  }
  return picked;
}

std::vector<Problem> pickAlerts(const ProblemList& current, const ProblemList& previous,
                                const std::set<AlertKey>& already_alerted) {
  std::map<AlertKey, int64_t> before;
  for (const Problem& problem : previous.problems) before[alertKeyOf(problem)] = problem.views;
  ProblemList joined = current;
  for (Problem& problem : joined.problems) {
    const auto found = before.find(alertKeyOf(problem));
    problem.previous_views = found == before.end() ? 0 : found->second;
  }
  return pickAlerts(joined, already_alerted);
}

std::string alertJson(const std::vector<Problem>& alerts, int64_t week_from_day,
                      const std::string& dashboard_url, size_t max_lines) {
  std::string text = "friction: " +
                     (alerts.size() == 1 ? std::string("1 problem")
                                         : std::to_string(alerts.size()) + " problems") +
                     " rose in the week of " + formatUtcDay(week_from_day) + " to " +
                     formatUtcDay(week_from_day + kAlertWeekDays - 1) + " (UTC)";
  nlohmann::json problems = nlohmann::json::array();
  for (size_t i = 0; i < alerts.size(); ++i) {
    const Problem& problem = alerts[i];
    const std::string link =
        dashboard_url.empty() ? "" : dashboardLink(problem, week_from_day, dashboard_url);
    if (i < max_lines) {
      text += "\n\u2022 " + slackEscaped(lineOf(problem));
      if (!link.empty()) text += " <" + slackEscaped(link) + "|dashboard>";
    }
    nlohmann::json entry = {{"site", problem.site},
                            {"step", problem.step},
                            {"kind", problem.kind},
                            {"target", problem.target},
                            {"role", problem.role},
                            {"views", problem.views},
                            {"previous_views", problem.previous_views},
                            {"trend", trendName(trendOf(problem.views, problem.previous_views))}};
    if (!link.empty()) entry["dashboard"] = link;
    problems.push_back(std::move(entry));
  }
  if (alerts.size() > max_lines)
    text += "\nand " + std::to_string(alerts.size() - max_lines) + " more";
  const nlohmann::json body = {{"text", text}, {"problems", problems}};
  // Steps come from clients: bytes that are not UTF-8 are replaced, not a reason to fail.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace friction::collector
