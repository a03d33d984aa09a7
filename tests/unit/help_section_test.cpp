// The dashboard's "Did help work" section: shares of the offers, opened against not opened,
// "left" derived, groups under k counted not shown, every text escaped, in English and French.
#include <doctest/doctest.h>

#include "dashboard_language.h"
#include "help_section.h"

using namespace friction;
using namespace friction::collector;

namespace {
HelpList sample() {
  HelpList list;
  list.query.from_day = 20000;
  list.query.to_day = 20028;
  list.hidden = 2;
  HelpRow row;
  row.site = "shop";
  row.step = "/checkout<script>";
  row.kind = "form_struggle";
  row.events[size_t(HelpEvent::offered)] = 20;
  row.events[size_t(HelpEvent::opened)] = 5;
  row.events[size_t(HelpEvent::dismissed)] = 10;
  row.events[size_t(HelpEvent::handoff)] = 1;
  row.events[size_t(HelpEvent::solved)] = 3;
  row.events[size_t(HelpEvent::unsolved)] = 1;
  row.events[size_t(HelpEvent::moved_on_after_opening)] = 4;
  row.events[size_t(HelpEvent::moved_on)] = 6;
  list.rows.push_back(row);
  return list;
}
}  // namespace

TEST_CASE("help section: shares of offers, opened against not opened, left derived, k told") {
  const std::string html = renderHelpSection(sample(), dashboardText(DashboardLanguage::en),
                                             helpSectionText(DashboardLanguage::en));
  CHECK(html.find("<h2 id=\"help-heading\">Did help work</h2>") != std::string::npos);
  CHECK(html.find("2 groups with fewer than 5 offers of help are not shown") != std::string::npos);
  CHECK(html.find("/checkout&lt;script&gt;") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("title=\"5 / 20\">25%") != std::string::npos);   // opened
  CHECK(html.find("title=\"10 / 20\">50%") != std::string::npos);  // no thanks
  CHECK(html.find(">3 / 1<") != std::string::npos);                // solved yes / no
  CHECK(html.find("title=\"4 / 5\">80%") != std::string::npos);    // moved on, opened
  CHECK(html.find("title=\"6 / 15\">40%") != std::string::npos);   // moved on, not opened
  CHECK(html.find("title=\"10 / 20\">50%</td></tr>") != std::string::npos);  // left, last column
  CHECK(html.find("Reached the goal") == std::string::npos);  // no goal events: no column
  CHECK(html.find("/v1/help?from=") != std::string::npos);
}

TEST_CASE("help section: French words, a goal column once goal events exist, empty when all are hidden") {
  HelpList list = sample();
  list.rows[0].events[size_t(HelpEvent::goal_after_opening)] = 2;
  const std::string html = renderHelpSection(list, dashboardText(DashboardLanguage::fr),
                                             helpSectionText(DashboardLanguage::fr));
  CHECK(html.find("L’aide a-t-elle servi ?") != std::string::npos);
  CHECK(html.find("Objectif atteint") != std::string::npos);
  CHECK(html.find("title=\"2 / 20\">10 %") != std::string::npos);
  list.rows.clear();
  CHECK(renderHelpSection(list, dashboardText(DashboardLanguage::en),
                          helpSectionText(DashboardLanguage::en))
            .find("No help offered 5 times or more in this range.") != std::string::npos);
}
