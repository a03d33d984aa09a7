#include "step_sections.h"

#include <algorithm>
#include <cstdio>

#include "dashboard_cells.h"
#include "html_escape.h"
#include "problems_section.h"
#include "step_tables_text.h"
#include "time_text.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

constexpr int kBarWidth = 120;
constexpr int kBarHeight = 10;

std::string esc(std::string_view text) { return escapeHtml(text); }

// A bar as inline SVG: its width is an attribute, which the CSP allows (style attributes not).
std::string barCell(int64_t value, int64_t largest) {
  const int64_t width = largest > 0 ? std::max<int64_t>(1, value * kBarWidth / largest) : 0;
  const std::string w = std::to_string(kBarWidth), h = std::to_string(kBarHeight);
  return "<td class=\"bar\"><svg width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w +
         " " + h + "\" aria-hidden=\"true\"><rect class=\"track\" width=\"" + w +
         "\" height=\"" + h + "\"/><rect class=\"fill\" width=\"" + std::to_string(width) +
         "\" height=\"" + h + "\"/></svg></td>";
}

// A share or a margin: under 1 % it keeps a decimal, so that a margin never reads as "±0".
std::string percent(double fraction, const StepTablesText& text) {
  char number[32];
  std::snprintf(number, sizeof number, fraction < 0.01 && fraction > 0 ? "%.1f" : "%.0f",
                100 * fraction);
  std::string shown = number;
  if (!text.french_numbers) return shown + "%";
  std::replace(shown.begin(), shown.end(), '.', ',');
  return shown + "\u202f%";
}

std::string kindLabel(std::string_view kind, const DashboardText& words) {
  return "<span class=\"kind\">" + esc(kindWords(kind, words)) + "</span>";
}

// The 95 % margin of an estimated share, as a fraction of the step's visits.
double margin(const KindShare& share, const StepShares& step) {
  return 1.96 * share.standard_error / static_cast<double>(step.visits);
}

// "trouble with a form 34% ±6%": the share of the step's visits; the margin only for estimates.
std::string shareText(const KindShare& share, const StepShares& step, const StepTablesText& text) {
  const std::string shown = percent(share.visits_met / static_cast<double>(step.visits), text);
  return step.estimated ? shown + " ±" + percent(margin(share, step), text) : shown;
}

// The kinds met on a step, one per line. Estimated kinds whose estimate was clamped to 0 share
// one line: they were not seen through the noise, which is not the same as not met.
std::string metCell(const StepShares& step, const StepTablesText& text, const DashboardText& words) {
  std::string met, undetectable;
  double undetectable_margin = 0;  // the same for every kind of a step: it depends on n and ε
  for (const auto& share : step.met) {
    if (step.estimated && !share.detectable()) {
      undetectable += (undetectable.empty() ? "" : ", ") + kindLabel(share.kind, words);
      undetectable_margin = margin(share, step);
      continue;
    }
    met += "<li>" + kindLabel(share.kind, words) + " " + esc(shareText(share, step, text)) +
           "</li>";
  }
  if (!undetectable.empty())
    met += "<li class=\"undetectable\">" +
           esc(fillIn(text.undetectable, {percent(undetectable_margin, text)})) + ": " +
           undetectable + "</li>";
  // "none" only for an exact step: there it is counted.
  return met.empty() ? esc(text.none_met) : "<ul class=\"met\">" + met + "</ul>";
}

// The table's exports, with the views' access (the same cookie).
std::string exportLinks(const char* path, const StepTablesText& text) {
  return "<p class=\"exports\">" + esc(text.exports) + " <a href=\"" + path +
         "?format=csv\" type=\"text/csv\">CSV</a> · <a href=\"" + path +
         "\" type=\"application/json\">JSON</a></p>";
}

}  // namespace

std::string renderVisitsSection(const std::vector<StepShares>& steps, int64_t min_visits,
                                DashboardLanguage language) {
  const StepTablesText& text = stepTablesText(language);
  const DashboardText& words = dashboardText(language);
  std::string rows;
  int64_t hidden = 0;
  for (const auto& step : steps) {
    if (step.visits < min_visits) {
      ++hidden;
      continue;
    }
    rows += "<tr><td>" + esc(step.site) + "</td><td><code>" + esc(step.step) +
            "</code></td><td class=\"num\">" + std::to_string(step.visits) + "</td><td>" +
            metCell(step, text, words) + "</td>" + dayCell(step.first_seen_ms) +
            dayCell(step.last_seen_ms) + "</tr>";
  }
  const bool one = hidden == 1 || (hidden == 0 && text.zero_is_singular);
  std::string html = "<section class=\"visits\"><h2 id=\"visits-heading\">" +
                     esc(text.visits_heading) + "</h2><p class=\"note\">" + esc(text.visits_note) +
                     "</p><p class=\"hidden-count\">" +
                     esc(fillIn(one ? text.hidden_one : text.hidden_many,
                                {std::to_string(hidden), std::to_string(min_visits)})) +
                     "</p>" + exportLinks("/v1/summary", text);
  if (rows.empty()) return html + "</section>";
  return html +
         "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"visits-heading\" "
         "tabindex=\"0\"><table class=\"visits\"><thead><tr><th scope=\"col\">" +
         esc(text.col_site) + "</th><th scope=\"col\">" + esc(text.col_step) +
         "</th><th scope=\"col\" class=\"num\">" + esc(text.col_visits) +
         "</th><th scope=\"col\">" + esc(text.col_met) + "</th><th scope=\"col\">" +
         esc(text.col_first_seen) + "</th><th scope=\"col\">" + esc(text.col_last_seen) +
         "</th></tr></thead><tbody>" + rows + "</tbody></table></div></section>";
}

std::vector<HandoffsAtStep> handoffsByStep(const std::vector<StoredHandoff>& handoffs) {
  std::vector<HandoffsAtStep> byStep;
  for (const auto& handoff : handoffs) {
    const bool shared = handoff.summary && !handoff.summary->empty();
    const std::string step = shared ? handoff.summary->back().step : std::string();
    auto at = std::find_if(byStep.begin(), byStep.end(),
                           [&](const HandoffsAtStep& a) { return a.step == step; });
    if (at == byStep.end()) at = byStep.insert(byStep.end(), HandoffsAtStep{step, 0, 0});
    ++at->asks;
    at->last_ms = std::max(at->last_ms, handoff.created_at_ms);
  }
  // Most asked first; a tie goes to the most recent.
  std::sort(byStep.begin(), byStep.end(), [](const HandoffsAtStep& a, const HandoffsAtStep& b) {
    return a.asks != b.asks ? a.asks > b.asks : a.last_ms > b.last_ms;
  });
  return byStep;
}

std::string renderHandoffsSection(const std::vector<HandoffsAtStep>& by_step,
                                  size_t handoff_count, int64_t min_asks,
                                  DashboardLanguage language) {
  const StepTablesText& text = stepTablesText(language);
  int64_t hidden = 0;
  for (const auto& at : by_step) hidden += at.asks < min_asks;
  const bool one = hidden == 1 || (hidden == 0 && text.zero_is_singular);
  std::string html =
      "<section class=\"handoffs\"><h2 id=\"handoffs-heading\">" + esc(text.handoffs_heading) +
      "</h2><p class=\"meta\">" +
      esc(fillIn(text.handoffs_meta, {std::to_string(handoff_count)})) +
      " <a href=\"/agent\">" + esc(text.agent_view) + "</a>.</p><p class=\"hidden-count\">" +
      esc(fillIn(one ? text.asks_hidden_one : text.asks_hidden_many,
                 {std::to_string(hidden), std::to_string(min_asks)})) +
      "</p>" + exportLinks("/v1/handoffs", text) + "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"handoffs-heading\" "
      "tabindex=\"0\"><table class=\"handoffs\"><thead><tr><th scope=\"col\">" +
      esc(text.col_step) + "</th><th scope=\"col\" class=\"num\">" + esc(text.col_asked) +
      "</th><th scope=\"col\">" + esc(text.col_share) + "</th><th scope=\"col\">" +
      esc(text.col_last_asked) + "</th></tr></thead><tbody>";
  const int64_t largest = by_step.empty() ? 0 : by_step.front().asks;
  for (const auto& at : by_step) {
    if (at.asks < min_asks) continue;
    const std::string step =
        at.step.empty() ? esc(text.not_shared) : "<code>" + esc(at.step) + "</code>";
    html += "<tr><td>" + step + "</td><td class=\"num\">" + std::to_string(at.asks) + "</td>" +
            barCell(at.asks, largest) + dayCell(at.last_ms) + "</tr>";
  }
  return html + "</tbody></table></div></section>";
}

std::string renderNothingYet(DashboardLanguage language) {
  const StepTablesText& text = stepTablesText(language);
  return "<section class=\"empty\"><h2>" + esc(text.empty_heading) + "</h2><p>" +
         esc(text.empty_before_link) + " <a href=\"/\">" + esc(text.empty_link) + "</a> " +
         esc(text.empty_after_link) + "</p><p>" + esc(text.empty_batches) + "</p></section>";
}

}  // namespace friction::collector
