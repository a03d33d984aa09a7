#include "problems_section.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dashboard_cells.h"
#include "dashboard_language.h"
#include "device_codes.h"
#include "find_link.h"
#include "html_escape.h"
#include "problem_query_params.h"
#include "time_text.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

constexpr size_t kShortHash = 8;  // enough to tell a page's elements apart at a glance
// Where a site learns to declare its goal: the README's section, which the collector serves.
constexpr const char* kGoalReadmeLink = "/README.md#the-sites-goal-and-what-friction-costs";

std::string esc(std::string_view text) { return escapeHtml(text); }

// "button 8bf6fc01…", the role and the start of the element's hash; the page itself if none.
// The name the site gave the element instead, when it gave one (role and hash on hover).
std::string elementText(const Problem& problem, const DashboardText& text) {
  if (isWholePage(problem)) return "<span class=\"element\">" + esc(text.whole_page) + "</span>";
  if (!problem.name.empty())
    return "<span class=\"element\"><span class=\"element-name\" title=\"" +
           esc(problem.role) + " " + esc(problem.target) + "\">" + esc(problem.name) +
           "</span></span>";
  const std::string role = problem.role.empty() ? std::string(text.element) : problem.role;
  const bool shortened = problem.target.size() > kShortHash;
  const std::string shown = shortened ? problem.target.substr(0, kShortHash) + "…" : problem.target;
  return "<span class=\"element\">" + esc(role) + " <code class=\"hash\"" +
         (shortened ? " title=\"" + esc(text.full_hash) + ": " + esc(problem.target) + "\"" : "") +
         ">" + esc(shown) + "</code></span>";
}

// "Why: validation loops: 41, rejected submits: 12", the causes the store kept (those under k
// are not there: problem_causes.h); nothing for a problem without any.
std::string causesText(const Problem& problem, const DashboardText& text) {
  if (problem.causes.empty()) return "";
  std::string html = " <span class=\"causes\"><span class=\"causes-label\">" +
                     esc(text.causes_label) + "</span> ";
  bool first = true;
  for (const auto& cause : problem.causes) {
    const auto known = parseFrictionCause(cause.cause);
    const std::string words = known ? std::string(text.causes[static_cast<size_t>(*known)])
                                    : cause.cause;
    html += std::string(first ? "" : ", ") + "<span class=\"cause\" data-cause=\"" +
            esc(cause.cause) + "\">" +
            esc(fillIn(text.cause_count, {words, std::to_string(cause.signals)})) + "</span>";
    first = false;
  }
  return html + "</span>";
}

std::string problemCell(const Problem& problem, const ProblemList& list,
                        const DashboardText& text,
                        const std::map<std::string, std::string>& site_origins) {
  std::string cell = "<th scope=\"row\" class=\"problem\"><span class=\"kind\">" +
                     esc(kindWords(problem.kind, text)) + "</span> " + esc(text.on_step) +
                     " <code class=\"step\">" + esc(problem.step) + "</code> " +
                     elementText(problem, text) + causesText(problem, text);
  // Every site in one view: say whose step it is.
  if (list.query.site.empty() && !problem.site.empty())
    cell += " <span class=\"site\">" + esc(problem.site) + "</span>";
  const auto origin = site_origins.find(problem.site);
  if (origin != site_origins.end()) cell += renderFindControl(problem, origin->second, text);
  return cell + "</th>";
}

// The word carries the trend; the arrow and the colour only repeat it.
std::string trendCell(ProblemTrend trend, const DashboardText& text) {
  switch (trend) {
    case ProblemTrend::new_problem:
      return "<td><span class=\"trend new\"><span aria-hidden=\"true\">+ </span>" +
             esc(text.trend_new) + "</span></td>";
    case ProblemTrend::worse:
      return "<td><span class=\"trend worse\"><span aria-hidden=\"true\">▲ </span>" +
             esc(text.trend_worse) + "</span></td>";
    case ProblemTrend::better:
      return "<td><span class=\"trend better\"><span aria-hidden=\"true\">▼ </span>" +
             esc(text.trend_better) + "</span></td>";
    case ProblemTrend::steady:
      break;
  }
  // Nothing to see for a steady problem, but a screen reader still hears a word.
  return "<td><span class=\"visually-hidden\">" + esc(text.trend_steady) + "</span></td>";
}

// The numbers are the text (a peak), the chart an enhancement drawn by problems.js.
std::string sparkCell(const Problem& problem, const DashboardText& text) {
  const auto peak = problem.daily_views.empty()
                        ? int64_t{0}
                        : *std::max_element(problem.daily_views.begin(), problem.daily_views.end());
  return "<td class=\"spark\" data-series=\"" + dailySeriesText(problem.daily_views) +
         "\"><span class=\"spark-text\">" + esc(fillIn(text.peak, {std::to_string(peak)})) +
         "</span></td>";
}


std::string textField(const char* name, std::string_view label, const std::string& value,
                      const char* type) {
  const std::string id = std::string("problems-") + name;
  return "<p class=\"field\"><label for=\"" + id + "\">" + esc(label) + "</label><input id=\"" +
         id + "\" name=\"" + name + "\" type=\"" + type + "\" value=\"" + esc(value) +
         "\"></p>";
}

std::string kindField(const ProblemQuery& query, const DashboardText& text) {
  std::string field =
      "<p class=\"field\"><label for=\"problems-kind\">" + esc(text.kind) +
      "</label><select id=\"problems-kind\" name=\"kind\"><option value=\"\">" +
      esc(text.all_kinds) + "</option>";
  for (size_t i = 0; i < kFrictionKindCount; ++i) {
    const std::string name(kFrictionKindNames[i]);
    field += "<option value=\"" + name + "\"" + (query.kind == name ? " selected" : "") + ">" +
             esc(text.kinds[i]) + "</option>";
  }
  return field + "</select></p>";
}

// A choice of device class: every one, or one of `names` (device_codes.h), worded by `words`.
template <size_t N>
std::string deviceField(const char* name, std::string_view label, std::string_view all,
                        const std::array<std::string_view, N>& names,
                        const std::array<std::string_view, N>& words,
                        const std::string& chosen) {
  const std::string id = std::string("problems-") + name;
  std::string field = "<p class=\"field\"><label for=\"" + id + "\">" + esc(label) +
                      "</label><select id=\"" + id + "\" name=\"" + name +
                      "\"><option value=\"\">" + esc(all) + "</option>";
  // The classes the SDK tells first, "unknown" (older SDKs) last.
  for (size_t i = 1; i <= N; ++i) {
    const size_t at = i % N;
    const std::string value(names[at]);
    field += "<option value=\"" + value + "\"" + (chosen == value ? " selected" : "") + ">" +
             esc(words[at]) + "</option>";
  }
  return field + "</select></p>";
}

// A GET form to /dashboard: the filters are the URL, so a view can be shared and reloaded.
std::string filterForm(const ProblemQuery& query, const DashboardText& text) {
  return "<form class=\"filters\" method=\"get\" action=\"/dashboard\"><fieldset><legend>" +
         esc(text.filter_legend) + "</legend><input type=\"hidden\" name=\"lang\" value=\"" +
         esc(text.lang) + "\">" +
         textField("from", text.from, formatUtcDay(query.from_day), "date") +
         textField("to", text.to, formatUtcDay(query.to_day - 1), "date") +
         textField("site", text.site, query.site, "text") +
         textField("step", text.step, query.step, "text") + kindField(query, text) +
         deviceField("pointer", text.pointer, text.all_pointers, kPointerNames, text.pointers,
                     query.pointer) +
         deviceField("width", text.width, text.all_widths, kWidthNames, text.widths,
                     query.width) +
         "<p class=\"actions\"><button type=\"submit\">" + esc(text.apply) +
         "</button> <a href=\"/dashboard?lang=" + esc(text.lang) + "\">" + esc(text.reset) +
         "</a></p></fieldset></form>";
}

std::string hiddenSentence(const ProblemList& list, const DashboardText& text) {
  const bool one = list.hidden == 1 || (list.hidden == 0 && text.zero_is_singular);
  return "<p class=\"hidden-count\">" +
         esc(fillIn(one ? text.hidden_one : text.hidden_many,
                    {std::to_string(list.hidden), std::to_string(list.query.min_views)})) +
         "</p>";
}

std::string fieldLabel(const std::string& name, const DashboardText& text) {
  if (name == "from") return std::string(text.from);
  if (name == "to") return std::string(text.to);
  if (name == "site") return std::string(text.site);
  if (name == "step") return std::string(text.step);
  if (name == "kind") return std::string(text.kind);
  if (name == "pointer") return std::string(text.pointer);
  if (name == "width") return std::string(text.width);
  return name;
}

std::string ignoredSentence(const std::vector<std::string>& ignored, const DashboardText& text) {
  if (ignored.empty()) return "";
  std::string names;
  for (const auto& name : ignored) names += (names.empty() ? "" : ", ") + fieldLabel(name, text);
  return "<p class=\"ignored\" role=\"status\">" + esc(fillIn(text.ignored, {names})) + "</p>";
}

std::string exportLinks(const ProblemQuery& query, const DashboardText& text) {
  const std::string base = "/v1/problems?" + problemQueryString(query) + "&format=";
  return "<p class=\"exports\">" + esc(text.exports) + " <a href=\"" + esc(base + "csv") +
         "\" type=\"text/csv\">CSV</a> · <a href=\"" + esc(base + "json") +
         "\" type=\"application/json\">JSON</a></p>";
}

std::string emptyProblems(const ProblemList& list, const DashboardText& text) {
  return "<div class=\"empty problems-empty\"><h3>" + esc(text.empty_heading) + "</h3><p>" +
         esc(fillIn(text.empty_text, {std::to_string(list.query.min_views)})) + "</p></div>";
}

// "12%", a share as a whole percentage; "+3.5" / "−12.0", a difference in percentage points.
std::string percent(double share) { return std::to_string(std::lround(share * 100)) + "%"; }
std::string points(double difference) {
  char out[32];
  std::snprintf(out, sizeof out, "%+.1f", difference * 100);
  return out;
}
std::string visits(double count) { return std::to_string(std::lround(count)); }

// The three conversion cells of one problem: from its step and kind (the tallies carry no
// element), or dashes when a group was under the threshold.
std::string conversionCells(const Problem& problem, const ConversionReport& report,
                            const DashboardText& text) {
  const KindConversion* row = conversionOf(report, problem.site, problem.step, problem.kind);
  if (!row) {
    const std::string dash = "<td class=\"num\">" + esc(text.too_few) + "</td>";
    return dash + dash + dash;
  }
  return "<td class=\"num\">" +
         esc(fillIn(text.converted_cell,
                    {percent(row->converted_with), percent(row->converted_without)})) +
         "</td><td class=\"num\">" +
         esc(fillIn(text.difference_cell,
                    {points(row->difference), points(row->low), points(row->high)})) +
         "</td><td class=\"num\">" +
         esc(fillIn(text.visits_lost_cell, {visits(row->visits_lost),
                                            visits(row->visits_lost_low),
                                            visits(row->visits_lost_high)})) +
         "</td>";
}

// Above the table: which goal the columns are about, or how to get them.
std::string conversionNote(const ConversionReport& report, const DashboardText& text) {
  if (report.goals.empty())
    return "<p class=\"conversion-note no-goal\">" + esc(text.no_goal) + " <a href=\"" +
           std::string(kGoalReadmeLink) + "\">" + esc(text.no_goal_where) + "</a></p>";
  return "<p class=\"conversion-note\">" + esc(fillIn(text.goal_line, {report.goals.front()})) +
         "</p>";
}

std::string silentChurn(const ConversionReport& report, const DashboardText& text) {
  if (report.silent.empty()) return "";
  std::string html = "<h3 class=\"silent-heading\">" + esc(text.silent_heading) +
                     "</h3><ul class=\"silent-churn\">";
  for (const auto& row : report.silent)
    html += "<li>" + esc(fillIn(text.silent_line, {row.step, std::to_string(row.silent_churn),
                                                   std::to_string(row.quiet_views), row.goal})) +
            "</li>";
  return html + "</ul>";
}

std::string problemsTable(const ProblemList& list, const DashboardText& text,
                          const std::map<std::string, std::string>& site_origins,
                          const ConversionReport* conversion) {
  // Scrolls sideways inside itself on a narrow screen; focusable so that keys can scroll it.
  std::string html =
      "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"problems-heading\" "
      "tabindex=\"0\"><table class=\"problems\"><thead><tr><th scope=\"col\">" +
      esc(text.col_problem) + "</th><th scope=\"col\" class=\"num\">" + esc(text.col_views) +
      "</th><th scope=\"col\">" + esc(text.col_trend) + "</th><th scope=\"col\" class=\"num\">" +
      esc(text.col_previous) + "</th><th scope=\"col\">" + esc(text.col_daily) +
      "</th><th scope=\"col\" class=\"num\">" + esc(text.col_signals) + "</th><th scope=\"col\">" +
      esc(text.col_first_seen) + "</th><th scope=\"col\">" + esc(text.col_last_seen) + "</th>";
  if (conversion)
    html += "<th scope=\"col\" class=\"num\">" + esc(text.col_converted) +
            "</th><th scope=\"col\" class=\"num\">" + esc(text.col_difference) +
            "</th><th scope=\"col\" class=\"num\">" + esc(text.col_visits_lost) + "</th>";
  html += "</tr></thead><tbody>";
  for (const auto& problem : list.problems) {
    html += "<tr>" + problemCell(problem, list, text, site_origins) + numberCell(problem.views) +
            trendCell(problem.trend, text) + numberCell(problem.previous_views) +
            sparkCell(problem, text) + numberCell(problem.signals) +
            dayCell(problem.first_seen_ms) + dayCell(problem.last_seen_ms) +
            (conversion ? conversionCells(problem, *conversion, text) : "") + "</tr>";
  }
  return html + "</tbody></table></div>";
}

}  // namespace

std::string dailySeriesText(const std::vector<int64_t>& daily_views) {
  std::string series;
  for (const auto views : daily_views) series += (series.empty() ? "" : " ") + std::to_string(views);
  return series;
}

std::string renderProblemsSection(const ProblemList& list, const DashboardText& text,
                                  const std::vector<std::string>& ignored,
                                  const std::map<std::string, std::string>& site_origins,
                                  const ConversionReport* conversion) {
  const ProblemQuery& query = list.query;
  const int64_t days = query.to_day - query.from_day;
  // The section is not a named region itself: the table's scrolling region carries the name.
  std::string html = "<section class=\"problems\"><h2 id=\"problems-heading\">" +
                     esc(text.problems_heading) + "</h2>" + filterForm(query, text) +
                     ignoredSentence(ignored, text) + "<p class=\"range\">" +
                     esc(fillIn(text.range, {formatUtcDay(query.from_day),
                                             formatUtcDay(query.to_day - 1), std::to_string(days)})) +
                     "</p>" + hiddenSentence(list, text) + exportLinks(query, text);
  if (conversion) html += conversionNote(*conversion, text);
  html += list.problems.empty() ? emptyProblems(list, text)
                                : problemsTable(list, text, site_origins, conversion);
  if (conversion) html += silentChurn(*conversion, text);
  return html + "</section>";
}

}  // namespace friction::collector
