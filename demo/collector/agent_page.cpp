#include "agent_page.h"

#include "dashboard_page.h"
#include "html_escape.h"
#include "time_text.h"

namespace friction::collector {
namespace {

// Times come rounded to 5 s (journey/journey_log.h): 0 means a few seconds.
std::string timeOnStep(long seconds) {
  return seconds == 0 ? "under 5 s" : "about " + std::to_string(seconds) + " s";
}

// "rage_click" -> "rage click": the agent reads words, not identifiers.
std::string kindInWords(std::string kind) {
  for (char& c : kind)
    if (c == '_') c = ' ';
  return kind;
}

std::string stepItem(const HandoffStep& step) {
  std::string html = "<li><code>" + escapeHtml(step.step) + "</code> · " + timeOnStep(step.seconds);
  for (const auto& [kind, times] : step.met)
    html += " · <span class=\"kind\">" + escapeHtml(kindInWords(kind)) + "</span> ×" +
            std::to_string(times);
  return html + "</li>";
}

std::string handoffArticle(const StoredHandoff& handoff, int64_t now_ms) {
  std::string html = "<article class=\"handoff\"><h2>" + escapeHtml(handoff.reference) +
                     "</h2><p class=\"meta\">" + escapeHtml(handoff.site) + " · <time datetime=\"" +
                     isoUtcTime(handoff.created_at_ms) + "\">" +
                     timeAgo(handoff.created_at_ms, now_ms) + "</time></p>";
  if (!handoff.summary) {
    return html + "<p>The visitor chose not to share their journey: ask them what happened.</p>"
                  "</article>";
  }
  html += "<p>What happened before they asked, oldest first (page templates, time on each, "
          "trouble met; never what they typed):</p><ol>";
  for (const auto& step : *handoff.summary) html += stepItem(step);
  return html + "</ol></article>";
}

}  // namespace

std::string renderAgentPage(const std::vector<StoredHandoff>& handoffs, int64_t now_ms) {
  std::string html =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"refresh\" content=\"10\"><title>Hand-offs</title>"
      "<link rel=\"stylesheet\" href=\"" +
      std::string(kDashboardStylesheet) +
      "\"></head><body><header><h1>Visitors who asked for a person</h1><p class=\"meta\">"
      "Newest first · refreshes every 10 s · the reference is what the visitor gives you"
      "</p></header><main>";
  if (handoffs.empty()) html += "<section class=\"empty\"><h2>No hand-offs yet</h2></section>";
  for (const auto& handoff : handoffs) html += handoffArticle(handoff, now_ms);
  return html + "</main></body></html>";
}

}  // namespace friction::collector
