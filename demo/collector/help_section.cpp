#include "help_section.h"

#include "dashboard_cells.h"
#include "dashboard_language.h"
#include "html_escape.h"
#include "problem_query_params.h"

namespace friction::collector {
namespace {

constexpr HelpSectionText kEnglish{
    "Did help work",
    "Help offered on each step, by the kind of trouble it was about, and what followed. "
    "\"Left\" is what the SDK cannot see: offers not followed by another page of the site.",
    "{} group with fewer than {} offers of help is not shown (privacy).",
    "{} groups with fewer than {} offers of help are not shown (privacy).",
    "No help offered {} times or more in this range.",
    "Export:",
    "Help for",
    "Offered",
    "Opened",
    "No thanks",
    "Asked for a person",
    "Did this solve it? yes / no",
    "Moved on, opened",
    "Moved on, not opened",
    "Left",
    "Reached the goal",
    "{} / {}",
    "{}%",
    "–",
    "on",
};

constexpr HelpSectionText kFrench{
    "L’aide a-t-elle servi ?",
    "L’aide proposée sur chaque étape, par type de problème, et ce qui a suivi. "
    "« Parti » est ce que le SDK ne peut pas voir : les propositions qu’aucune autre page du "
    "site n’a suivies.",
    "{} groupe de moins de {} propositions d’aide n’est pas affiché (confidentialité).",
    "{} groupes de moins de {} propositions d’aide ne sont pas affichés (confidentialité).",
    "Aucune aide proposée {} fois ou plus sur cette période.",
    "Exporter :",
    "Aide pour",
    "Proposée",
    "Ouverte",
    "Non merci",
    "Demande d’une personne",
    "Problème résolu ? oui / non",
    "Passé à la suite, ouverte",
    "Passé à la suite, non ouverte",
    "Parti",
    "Objectif atteint",
    "{} / {}",
    "{} %",
    "–",
    "sur",
};

std::string esc(std::string_view text) { return escapeHtml(text); }

// A share as a whole percent, with the counts on hover; a dash when there is nothing to share.
std::string shareCell(int64_t part, int64_t whole, const HelpSectionText& words) {
  if (whole <= 0) return "<td class=\"num\">" + esc(words.none) + "</td>";
  const int64_t percent = (part * 100 + whole / 2) / whole;
  return "<td class=\"num\" title=\"" + std::to_string(part) + " / " + std::to_string(whole) +
         "\">" + esc(fillIn(words.percent, {std::to_string(percent)})) + "</td>";
}

bool anyGoal(const HelpList& list) {
  for (const auto& row : list.rows)
    if (row.count(HelpEvent::goal) + row.count(HelpEvent::goal_after_opening) > 0) return true;
  return false;
}

std::string table(const HelpList& list, const DashboardText& text, const HelpSectionText& words) {
  const bool goal = anyGoal(list);  // a column only once the site tells its goal
  std::string html =
      "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"help-heading\" "
      "tabindex=\"0\"><table class=\"help-outcomes\"><thead><tr><th scope=\"col\">" +
      esc(words.col_help) + "</th>";
  for (const auto col : {words.col_offered, words.col_opened, words.col_dismissed,
                         words.col_handoffs, words.col_answers, words.col_moved_opened,
                         words.col_moved_not_opened, words.col_left})
    html += "<th scope=\"col\" class=\"num\">" + esc(col) + "</th>";
  if (goal) html += "<th scope=\"col\" class=\"num\">" + esc(words.col_goal) + "</th>";
  html += "</tr></thead><tbody>";
  for (const auto& row : list.rows) {
    const int64_t offered = row.count(HelpEvent::offered);
    const int64_t opened = row.count(HelpEvent::opened);
    html += "<tr><th scope=\"row\" class=\"problem\"><span class=\"kind\">" +
            esc(kindWords(row.kind, text)) + "</span> " + esc(words.on_step) +
            " <code class=\"step\">" + esc(row.step) + "</code>";
    if (list.query.site.empty()) html += " <span class=\"site\">" + esc(row.site) + "</span>";
    html += "</th>" + numberCell(offered) + shareCell(opened, offered, words) +
            shareCell(row.count(HelpEvent::dismissed), offered, words) +
            numberCell(row.count(HelpEvent::handoff)) + "<td class=\"num\">" +
            esc(fillIn(words.answers, {std::to_string(row.count(HelpEvent::solved)),
                                       std::to_string(row.count(HelpEvent::unsolved))})) +
            "</td>" + shareCell(row.count(HelpEvent::moved_on_after_opening), opened, words) +
            shareCell(row.count(HelpEvent::moved_on), offered - opened, words) +
            shareCell(row.left(), offered, words);
    if (goal)
      html += shareCell(row.count(HelpEvent::goal) + row.count(HelpEvent::goal_after_opening),
                        offered, words);
    html += "</tr>";
  }
  return html + "</tbody></table></div>";
}

}  // namespace

const HelpSectionText& helpSectionText(DashboardLanguage language) {
  return language == DashboardLanguage::fr ? kFrench : kEnglish;
}

std::string renderHelpSection(const HelpList& list, const DashboardText& text,
                              const HelpSectionText& words) {
  const std::string k = std::to_string(list.query.min_views);
  const bool one = list.hidden == 1 || (list.hidden == 0 && text.zero_is_singular);
  const std::string base = "/v1/help?" + problemQueryString(list.query) + "&format=";
  std::string html = "<section class=\"help-outcomes\"><h2 id=\"help-heading\">" +
                     esc(words.heading) + "</h2><p>" + esc(words.intro) +
                     "</p><p class=\"help-hidden\">" +
                     esc(fillIn(one ? words.hidden_one : words.hidden_many,
                                {std::to_string(list.hidden), k})) +
                     "</p><p class=\"help-exports\">" + esc(words.exports) + " <a href=\"" +
                     esc(base + "csv") + "\" type=\"text/csv\">CSV</a> · <a href=\"" +
                     esc(base + "json") + "\" type=\"application/json\">JSON</a></p>";
  html += list.rows.empty()
              ? "<div class=\"empty help-empty\"><p>" + esc(fillIn(words.empty, {k})) + "</p></div>"
              : table(list, text, words);
  return html + "</section>";
}

}  // namespace friction::collector
