#include "dashboard_page.h"


#include "dashboard_language.h"
#include "html_escape.h"
#include "problem_query_params.h"
#include "problems_section.h"
#include "help_section.h"
#include "step_sections.h"

namespace friction::collector {
namespace {

// Below the problems: the visits of each step and where visitors asked for a person, with the
// problems' k (step_sections.h); instructions when there is nothing at all.
std::string sectionsBelowProblems(const DashboardData& data) {
  const bool no_problems = !data.problems || data.problems->problems.empty();
  if (no_problems && data.visits.empty() && data.handoffs.empty())
    return renderNothingYet(data.language);
  const int64_t k = data.problems ? data.problems->query.min_views : kMinProblemViews;
  std::string html;
  if (!data.handoffs.empty())
    html += renderHandoffsSection(handoffsByStep(data.handoffs), data.handoffs.size(), k,
                                  data.language);
  if (!data.visits.empty()) html += renderVisitsSection(data.visits, k, data.language);
  return html;
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
      "</h1></header><main>";
  if (data.problems)
    html += renderProblemsSection(*data.problems, text, data.problem_params_ignored,
                                  data.site_origins,
                                  data.conversion ? &*data.conversion : nullptr);
  if (data.help) html += renderHelpSection(*data.help, text, helpSectionText(data.language));
  return html + sectionsBelowProblems(data) + "</main></body></html>";
}

}  // namespace friction::collector
