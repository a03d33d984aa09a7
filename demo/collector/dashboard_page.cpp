#include "dashboard_page.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "dashboard_language.h"
#include "html_escape.h"
#include "problem_query_params.h"
#include "problems_section.h"
#include "help_section.h"
#include "time_text.h"

namespace friction::collector {
namespace {

constexpr int kBarWidth = 120;
constexpr int kBarHeight = 10;

std::string timeCell(int64_t unix_ms, int64_t now_ms) {
  return "<td><time datetime=\"" + isoUtcTime(unix_ms) + "\">" + timeAgo(unix_ms, now_ms) +
         "</time><span class=\"utc\">" + utcTime(unix_ms) + "</span></td>";
}

// A bar as inline SVG: its width is an attribute, which the CSP allows (style attributes not).
std::string barCell(int64_t value, int64_t largest) {
  const int64_t width =
      largest > 0 ? std::max<int64_t>(1, value * kBarWidth / largest) : 0;
  const std::string w = std::to_string(kBarWidth), h = std::to_string(kBarHeight);
  return "<td class=\"bar\"><svg width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w +
         " " + h + "\" aria-hidden=\"true\"><rect class=\"track\" width=\"" + w +
         "\" height=\"" + h + "\"/><rect class=\"fill\" width=\"" + std::to_string(width) +
         "\" height=\"" + h + "\"/></svg></td>";
}

std::string kindLabel(std::string_view kind) {
  return "<span class=\"kind\">" + escapeHtml(std::string(kind)) + "</span>";
}

std::string kindCell(const std::string& kind) { return "<td>" + kindLabel(kind) + "</td>"; }

std::string score(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string groupsSection(const DashboardData& data) {
  std::string html =
      "<section><h2>Friction by step</h2><table class=\"groups\"><thead><tr>"
      "<th>Kind</th><th>Step</th><th class=\"num\">Signals</th><th class=\"num\">Events</th>"
      "<th>Share</th><th>First seen</th><th>Last seen</th></tr></thead><tbody>";
  const int64_t largest = data.groups.empty() ? 0 : data.groups.front().signals;
  for (const auto& group : data.groups) {
    html += "<tr>" + kindCell(group.kind) + "<td><code>" + escapeHtml(group.step) +
            "</code></td><td class=\"num\">" + std::to_string(group.signals) +
            "</td><td class=\"num\">" + std::to_string(group.events) + "</td>" +
            barCell(group.signals, largest) + timeCell(group.first_seen_ms, data.now_ms) +
            timeCell(group.last_seen_ms, data.now_ms) + "</tr>";
  }
  return html + "</tbody></table></section>";
}

// A percentage for a share or a margin: a margin under 1 % keeps a decimal, so that it never
// reads as "±0".
std::string percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, fraction < 0.01 && fraction > 0 ? "%.1f%%" : "%.0f%%",
                100 * fraction);
  return text;
}

// The 95 % margin of an estimated share, as a fraction of the step's visits.
double margin(const KindShare& share, const StepShares& step) {
  return 1.96 * share.standard_error / static_cast<double>(step.visits);
}

// "form_struggle 34% ±6%": the share of the step's visits; the margin only for estimates.
std::string shareText(const KindShare& share, const StepShares& step) {
  const std::string shown = percent(share.visits_met / static_cast<double>(step.visits));
  return step.estimated ? shown + " ±" + percent(margin(share, step)) : shown;
}

// The kinds met on a step, one per line. Estimated kinds whose estimate was clamped to 0 share
// one line: they were not seen through the noise, which is not the same as not met.
std::string metCell(const StepShares& step) {
  std::string met, undetectable;
  double undetectable_margin = 0;  // the same for every kind of a step: it depends on n and ε
  for (const auto& share : step.met) {
    if (step.estimated && !share.detectable()) {
      undetectable += (undetectable.empty() ? "" : ", ") + kindLabel(share.kind);
      undetectable_margin = margin(share, step);
      continue;
    }
    met += "<li>" + kindLabel(share.kind) + " " + escapeHtml(shareText(share, step)) + "</li>";
  }
  if (!undetectable.empty())
    met += "<li class=\"undetectable\">not detectable at this sample size (±" +
           percent(undetectable_margin) + "): " + undetectable + "</li>";
  // "none" only for an exact step: there it is counted.
  return met.empty() ? std::string("none") : "<ul class=\"met\">" + met + "</ul>";
}

std::string visitsSection(const DashboardData& data) {
  std::string html =
      "<section><h2>Visits by step</h2><p class=\"note\">Share of page views that met each "
      "kind of friction, per site and step, from tallies that carry no identifier (at most one "
      "per template and page load). Tallies sent before the visitor answered were randomised on "
      "the device unless the site turned that off, so a step with any has estimated shares: "
      "shown with a 95% margin and clamped to what is possible (between the views counted "
      "exactly and all of them). <a href=\"/v1/summary\">/v1/summary</a> gives the unclamped "
      "estimate and its standard error.</p><table class=\"visits\"><thead><tr><th>Site</th><th>Step</th>"
      "<th class=\"num\">Visits</th><th>Met friction</th><th>First seen</th>"
      "<th>Last seen</th></tr></thead><tbody>";
  for (const auto& step : data.visits) {
    html += "<tr><td>" + escapeHtml(step.site) + "</td><td><code>" + escapeHtml(step.step) +
            "</code></td><td class=\"num\">" + std::to_string(step.visits) + "</td><td>" +
            metCell(step) + "</td>" + timeCell(step.first_seen_ms, data.now_ms) +
            timeCell(step.last_seen_ms, data.now_ms) + "</tr>";
  }
  return html + "</tbody></table></section>";
}

std::string recentSection(const DashboardData& data) {
  std::string html = "<section><h2>Latest " + std::to_string(data.recent.size()) +
                     " signals</h2><table class=\"recent\"><thead><tr>"
                     "<th>Received</th><th>Kind</th><th>Step</th><th>Role</th>"
                     "<th>Target</th><th class=\"num\">Count</th><th class=\"num\">Score</th>"
                     "</tr></thead><tbody>";
  for (const auto& s : data.recent) {
    html += "<tr>" + timeCell(s.received_at_ms, data.now_ms) + kindCell(s.kind) + "<td><code>" +
            escapeHtml(s.step) + "</code></td><td>" + escapeHtml(s.role) +
            "</td><td><code class=\"hash\">" + escapeHtml(s.target) +
            "</code></td><td class=\"num\">" + std::to_string(s.count) +
            "</td><td class=\"num\">" + score(s.score) + "</td></tr>";
  }
  return html + "</tbody></table></section>";
}

std::string handoffsSection(const DashboardData& data) {
  const auto byStep = handoffsByStep(data.handoffs);
  std::string html =
      "<section><h2>Asked for a person</h2><p class=\"meta\">The last " +
      std::to_string(data.handoffs.size()) +
      " hand-offs, by the step the visitor was on. Their stories are in the "
      "<a href=\"/agent\">agent view</a>.</p><table class=\"handoffs\"><thead><tr>"
      "<th>Step</th><th class=\"num\">Asked</th><th>Share</th><th>Last asked</th>"
      "</tr></thead><tbody>";
  const int64_t largest = byStep.empty() ? 0 : byStep.front().asks;
  for (const auto& at : byStep) {
    const std::string step = at.step.empty() ? std::string("(journey not shared)")
                                             : "<code>" + escapeHtml(at.step) + "</code>";
    html += "<tr><td>" + step + "</td><td class=\"num\">" + std::to_string(at.asks) +
            "</td>" + barCell(at.asks, largest) + timeCell(at.last_ms, data.now_ms) + "</tr>";
  }
  return html + "</tbody></table></section>";
}

std::string emptyState() {
  return "<section class=\"empty\"><h2>No signals yet</h2>"
         "<p>To produce some: open the <a href=\"/\">demo shop</a> served by this collector, "
         "accept the consent banner if it asks, then click the same button quickly several "
         "times (a rage click) or click something that does nothing (a dead click).</p>"
         "<p>The SDK sends signals in small batches to <code>POST /v1/signals</code>, and at "
         "the latest when the page is hidden. Reload this page to see them; the raw "
         "numbers are at <a href=\"/v1/summary\">/v1/summary</a>.</p></section>";
}

// The sections below the problems have English words only: a French page marks them so.
std::string sectionsBelowProblems(const DashboardData& data) {
  std::string html;
  if (data.groups.empty() && data.visits.empty() && data.handoffs.empty()) {
    html = emptyState();
  } else {
    if (!data.groups.empty()) html += groupsSection(data);
    if (!data.handoffs.empty()) html += handoffsSection(data);
    if (!data.visits.empty()) html += visitsSection(data);
    if (!data.recent.empty()) html += recentSection(data);
  }
  return data.language == DashboardLanguage::en ? html : "<div lang=\"en\">" + html + "</div>";
}

// The same view in the other language.
std::string languageLink(const DashboardData& data, const DashboardText& text) {
  const std::string query = data.problems ? problemQueryString(data.problems->query) + "&" : "";
  return "<a class=\"language\" href=\"" + escapeHtml("/dashboard?" + query + "lang=") +
         escapeHtml(text.other_lang) + "\" lang=\"" + escapeHtml(text.other_lang) +
         "\" hreflang=\"" + escapeHtml(text.other_lang) + "\">" + escapeHtml(text.other_language) +
         "</a>";
}

std::string chartAssets(const DashboardData& data) {
  if (!data.charts || !data.problems || data.problems->problems.empty()) return "";
  return "<link rel=\"stylesheet\" href=\"" + std::string(kChartStylesheet) +
         "\"><script src=\"" + kChartLibrary + "\" defer></script><script src=\"" +
         kProblemsScript + "\" defer></script>";
}

}  // namespace

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

// No automatic refresh: it would take the filter form from under the person typing in it
// (and WCAG 2.2.1 asks for none). A reload shows what arrived since.
std::string renderDashboard(const DashboardData& data) {
  const DashboardText& text = dashboardText(data.language);
  std::string html =
      "<!doctype html><html lang=\"" + escapeHtml(text.lang) +
      "\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
      escapeHtml(text.page_title) + "</title><link rel=\"stylesheet\" href=\"" +
      std::string(kDashboardStylesheet) + "\">" + chartAssets(data) +
      "</head><body><header>" + languageLink(data, text) + "<h1>" + escapeHtml(text.heading) +
      "</h1><p class=\"meta\">" +
      escapeHtml(fillIn(text.stored, {std::to_string(data.total_signals)})) +
      "</p></header><main>";
  if (data.problems)
    html += renderProblemsSection(*data.problems, text, data.problem_params_ignored);
  if (data.help) html += renderHelpSection(*data.help, text, helpSectionText(data.language));
  return html + sectionsBelowProblems(data) + "</main></body></html>";
}

}  // namespace friction::collector
