// The dashboard's problems view: the rendered section (order, numbers, trend words, privacy
// sentence, escaping, French, export links) and the reading of its URL query.
#include <doctest/doctest.h>

#include <string>

#include "dashboard_language.h"
#include "dashboard_page.h"
#include "problem_query_params.h"
#include "problems_section.h"
#include "utc_day.h"

using namespace friction::collector;

namespace {

constexpr int64_t kJan1st2024 = 19723;  // days from 1970-01-01: 54 years, 13 of them leap years
constexpr int64_t kNoon = 12 * 3'600'000;

Problem problem(std::string kind, std::string step, int64_t views, ProblemTrend trend) {
  Problem p;
  p.site = "shop";
  p.step = std::move(step);
  p.kind = std::move(kind);
  p.target = "8bf6fc01a2b3c4d5";
  p.role = "button";
  p.views = views;
  p.signals = views + 1;
  p.previous_views = views / 2;
  p.trend = trend;
  p.daily_views = {3, 5, 0};
  p.first_seen_ms = (kJan1st2024 + 1) * kMsPerUtcDay + kNoon;
  p.last_seen_ms = (kJan1st2024 + 20) * kMsPerUtcDay + kNoon;
  return p;
}

ProblemList sampleList() {
  ProblemList list;
  list.query.from_day = kJan1st2024;
  list.query.to_day = kJan1st2024 + 28;
  list.query.min_views = 5;
  // Deliberately not sorted by views: the renderer keeps the order it is given.
  list.problems = {problem("rage_click", "/product/:id", 40, ProblemTrend::worse),
                   problem("dead_click", "/checkout", 90, ProblemTrend::new_problem),
                   problem("quick_back", "/help", 7, ProblemTrend::steady),
                   problem("slow_response", "/cart", 6, ProblemTrend::better)};
  list.hidden = 3;
  return list;
}

size_t at(const std::string& html, const std::string& text) {
  const auto position = html.find(text);
  REQUIRE_MESSAGE(position != std::string::npos, "missing: " << text);
  return position;
}

// The text of the first <tr> of tbody that contains `marker`, for checks within one row.
std::string rowWith(const std::string& html, const std::string& marker) {
  const auto end = html.find("</tr>", at(html, marker));
  const auto start = html.rfind("<tr>", at(html, marker));
  return html.substr(start, end - start);
}

}  // namespace

TEST_CASE("problems: rows come in the given order, each with its numbers and trend word") {
  const std::string html = renderProblemsSection(sampleList(), kEnglishText);
  CHECK(at(html, "/product/:id") < at(html, "/checkout"));
  CHECK(at(html, "/checkout") < at(html, "/help"));
  CHECK(at(html, "/help") < at(html, "/cart"));

  const std::string rage = rowWith(html, "/product/:id");
  CHECK(rage.find("rage clicks") != std::string::npos);
  CHECK(rage.find("button <code class=\"hash\" title=\"full hash: 8bf6fc01a2b3c4d5\">8bf6fc01…") !=
        std::string::npos);
  CHECK(rage.find("<td class=\"num\">40</td>") != std::string::npos);  // views
  CHECK(rage.find("<td class=\"num\">20</td>") != std::string::npos);  // previous period
  CHECK(rage.find("<td class=\"num\">41</td>") != std::string::npos);  // signals
  CHECK(rage.find(">worse</span>") != std::string::npos);
  CHECK(rage.find("data-series=\"3 5 0\"") != std::string::npos);
  CHECK(rage.find("peak 5 a day") != std::string::npos);
  CHECK(rage.find(">2024-01-02</time>") != std::string::npos);  // first seen
  CHECK(rage.find(">2024-01-21</time>") != std::string::npos);  // last seen

  CHECK(rowWith(html, "/checkout").find(">new</span>") != std::string::npos);
  CHECK(rowWith(html, "/cart").find(">better</span>") != std::string::npos);
  // Steady: no badge, only a word for screen readers.
  const std::string steady = rowWith(html, "/help");
  CHECK(steady.find("class=\"trend") == std::string::npos);
  CHECK(steady.find("<span class=\"visually-hidden\">steady</span>") != std::string::npos);
}

TEST_CASE("problems: the range and how many small problems privacy hides") {
  ProblemList list = sampleList();
  std::string html = renderProblemsSection(list, kEnglishText);
  CHECK(html.find("From 2024-01-01 to 2024-01-28 (UTC days), compared with the 28 days before.") !=
        std::string::npos);
  CHECK(html.find("3 problems with fewer than 5 page views are not shown (privacy).") !=
        std::string::npos);
  list.hidden = 1;
  html = renderProblemsSection(list, kEnglishText);
  CHECK(html.find("1 problem with fewer than 5 page views is not shown (privacy).") !=
        std::string::npos);
}

TEST_CASE("problems: an empty list says so, and still gives the range and the threshold") {
  ProblemList list = sampleList();
  list.problems.clear();
  list.hidden = 0;
  const std::string html = renderProblemsSection(list, kEnglishText);
  CHECK(html.find("No problems in this range") != std::string::npos);
  CHECK(html.find("at least 5 page views") != std::string::npos);
  CHECK(html.find("0 problems with fewer than 5 page views are not shown") != std::string::npos);
  CHECK(html.find("<table") == std::string::npos);
}

TEST_CASE("problems: what clients wrote is text, never markup") {
  ProblemList list = sampleList();
  list.problems[0].step = "/x\"><script>alert(1)</script>";
  list.problems[0].role = "<img src=x onerror=alert(2)>";
  list.problems[0].target = "\"><b>hash</b>";
  list.problems[0].site = "<i>site</i>";
  list.query.step = "\" autofocus onfocus=\"alert(3)";
  const std::string html = renderProblemsSection(list, kEnglishText);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  CHECK(html.find("\" autofocus") == std::string::npos);
  CHECK(html.find("/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("problems: in French, every label is French") {
  const std::string html = renderProblemsSection(sampleList(), kFrenchText);
  CHECK(html.find("Problèmes, par ordre d’importance") != std::string::npos);
  CHECK(html.find("Du 2024-01-01 au 2024-01-28") != std::string::npos);
  CHECK(html.find("3 problèmes de moins de 5 pages vues ne sont pas affichés (confidentialité).") !=
        std::string::npos);
  CHECK(html.find("Pages vues touchées") != std::string::npos);
  CHECK(html.find("clics rageurs") != std::string::npos);
  CHECK(html.find(">en hausse</span>") != std::string::npos);
  CHECK(html.find(">nouveau</span>") != std::string::npos);
  CHECK(html.find("name=\"lang\" value=\"fr\"") != std::string::npos);
  for (const char* english : {"Page views affected", "Previous period", "rage clicks", ">worse<",
                              "not shown", "All kinds"})
    CHECK_MESSAGE(html.find(english) == std::string::npos, "English left: " << english);
  ProblemList none = sampleList();
  none.hidden = 0;
  CHECK(renderProblemsSection(none, kFrenchText).find("0 problème de moins de 5 pages vues n’est pas") !=
        std::string::npos);
}

TEST_CASE("problems: every kind has a label in each language") {
  for (const auto* text : {&kEnglishText, &kFrenchText})
    for (const auto label : text->kinds) CHECK(!label.empty());
}

TEST_CASE("problems: the export links carry exactly the view's query") {
  ProblemList list = sampleList();
  list.query.site = "shop";
  list.query.step = "/product/:id";
  list.query.kind = "rage_click";
  const std::string html = renderProblemsSection(list, kEnglishText);
  const std::string query =
      "from=2024-01-01&amp;to=2024-01-28&amp;site=shop&amp;step=%2Fproduct%2F%3Aid&amp;kind=rage_click";
  CHECK(html.find("href=\"/v1/problems?" + query + "&amp;format=csv\"") != std::string::npos);
  CHECK(html.find("href=\"/v1/problems?" + query + "&amp;format=json\"") != std::string::npos);
  // And the link read back gives the same query.
  const auto read = readProblemQuery({{"from", "2024-01-01"}, {"to", "2024-01-28"}, {"site", "shop"},
                                      {"step", "/product/:id"}, {"kind", "rage_click"}},
                                     (kJan1st2024 + 100) * kMsPerUtcDay);
  CHECK(read.ignored.empty());
  CHECK(problemQueryString(read.query) == problemQueryString(list.query));
}

TEST_CASE("problems: the filter form shows the query it ran") {
  ProblemList list = sampleList();
  list.query.kind = "dead_click";
  list.query.step = "/checkout";
  const std::string html = renderProblemsSection(list, kEnglishText);
  CHECK(html.find("<form class=\"filters\" method=\"get\" action=\"/dashboard\">") != std::string::npos);
  CHECK(html.find("name=\"from\" type=\"date\" value=\"2024-01-01\"") != std::string::npos);
  CHECK(html.find("name=\"to\" type=\"date\" value=\"2024-01-28\"") != std::string::npos);
  CHECK(html.find("name=\"step\" type=\"text\" value=\"/checkout\"") != std::string::npos);
  CHECK(html.find("<option value=\"dead_click\" selected>") != std::string::npos);
  CHECK(html.find("<label for=\"problems-kind\">Kind</label>") != std::string::npos);
}

TEST_CASE("problem query: defaults are the 28 UTC days ending today, every filter off, k = 5") {
  const int64_t now = (kJan1st2024 + 40) * kMsPerUtcDay + kNoon;
  const auto read = readProblemQuery({}, now);
  CHECK(read.ignored.empty());
  CHECK(read.query.to_day == kJan1st2024 + 41);  // today included: to_day is excluded
  CHECK(read.query.from_day == kJan1st2024 + 13);
  CHECK(read.query.min_views == 5);
  CHECK(read.query.site.empty());
  CHECK(read.query.step.empty());
  CHECK(read.query.kind.empty());
  // Empty form fields are absent ones.
  CHECK(readProblemQuery({{"from", ""}, {"kind", ""}}, now).ignored.empty());
}

TEST_CASE("problem query: unreadable values fall back to the defaults, and are named") {
  const int64_t now = (kJan1st2024 + 40) * kMsPerUtcDay;
  const ProblemQuery defaults = defaultProblemQuery(now);
  for (const char* bad : {"2024-02-30", "2024-1-05", "yesterday", "2024-01-05T00:00", "1969-12-31"}) {
    const auto read = readProblemQuery({{"from", bad}}, now);
    CHECK_MESSAGE(read.query.from_day == defaults.from_day, bad);
    CHECK(read.ignored == std::vector<std::string>{"from"});
  }
  // A reversed or too long range: both ends fall back.
  auto read = readProblemQuery({{"from", "2024-01-20"}, {"to", "2024-01-10"}}, now);
  CHECK(read.query.from_day == defaults.from_day);
  CHECK(read.query.to_day == defaults.to_day);
  CHECK(read.ignored == std::vector<std::string>{"from", "to"});
  read = readProblemQuery({{"from", "2020-01-01"}, {"to", "2024-01-10"}}, now);
  CHECK(read.query.from_day == defaults.from_day);
  // An unknown kind is not a filter that matches nothing: it is ignored, and said.
  read = readProblemQuery({{"kind", "angry_click"}, {"step", "/cart"}}, now);
  CHECK(read.query.kind.empty());
  CHECK(read.query.step == "/cart");
  CHECK(read.ignored == std::vector<std::string>{"kind"});
  // A good range is taken as written, its last day included.
  read = readProblemQuery({{"from", "2024-01-01"}, {"to", "2024-01-01"}}, now);
  CHECK(read.query.from_day == kJan1st2024);
  CHECK(read.query.to_day == kJan1st2024 + 1);
  CHECK(read.ignored.empty());
}

TEST_CASE("problem query: the page names the filters it reset") {
  ProblemList list = sampleList();
  const std::string html = renderProblemsSection(list, kEnglishText, {"from", "kind"});
  CHECK(html.find("Some filters could not be read and were reset: From, Kind.") != std::string::npos);
}

TEST_CASE("utc days: dates and day numbers agree both ways") {
  CHECK(parseUtcDay("1970-01-01") == 0);
  CHECK(parseUtcDay("2024-01-01") == kJan1st2024);
  CHECK(parseUtcDay("2024-02-29") == kJan1st2024 + 59);
  CHECK(!parseUtcDay("2023-02-29"));
  CHECK(formatUtcDay(kJan1st2024 + 59) == "2024-02-29");
  CHECK(utcDayOf(kJan1st2024 * kMsPerUtcDay - 1) == kJan1st2024 - 1);
  CHECK(utcDayOf(-1) == -1);
}

TEST_CASE("dashboard language: ?lang first, then the browser's first of fr and en") {
  CHECK(chooseDashboardLanguage("fr", "en-US,en") == DashboardLanguage::fr);
  CHECK(chooseDashboardLanguage("en", "fr-FR,fr") == DashboardLanguage::en);
  CHECK(chooseDashboardLanguage("", "fr-CH, fr;q=0.9, en;q=0.8") == DashboardLanguage::fr);
  CHECK(chooseDashboardLanguage("", "en-GB,en;q=0.9,fr;q=0.8") == DashboardLanguage::en);
  CHECK(chooseDashboardLanguage("", "de-DE,de;q=0.9,fr;q=0.7,en;q=0.5") == DashboardLanguage::fr);
  CHECK(chooseDashboardLanguage("", "en;q=0.5,FR;q=0.6") == DashboardLanguage::fr);
  CHECK(chooseDashboardLanguage("", "fry,de") == DashboardLanguage::en);  // Frisian is not French
  CHECK(chooseDashboardLanguage("", "") == DashboardLanguage::en);
  CHECK(chooseDashboardLanguage("de", "") == DashboardLanguage::en);
}

TEST_CASE("fillIn: holes are filled in order; extra holes stay") {
  CHECK(fillIn("{} of {}", {"3", "5"}) == "3 of 5");
  CHECK(fillIn("{} and {}", {"a"}) == "a and {}");
}

TEST_CASE("dashboard: the problems come first, in the page's language, uPlot only to draw rows") {
  DashboardData data;
  data.problems = sampleList();
  VisitSums legacy;
  legacy.site = "shop";
  legacy.step = "/legacy";
  legacy.visits = 7;
  data.visits = visitShares({legacy});
  data.language = DashboardLanguage::fr;
  data.charts = true;
  std::string html = renderDashboard(data);
  CHECK(html.rfind("<!doctype html><html lang=\"fr\">", 0) == 0);
  CHECK(at(html, "<section class=\"problems\">") < at(html, "Visites par étape"));
  CHECK(html.find("<div lang=\"en\">") == std::string::npos);  // all of it in French now
  CHECK(html.find("<code>/legacy</code>") != std::string::npos);
  CHECK(html.find("<script src=\"/dashboard/vendor/uPlot.iife.min.js\" defer></script>") != std::string::npos);
  CHECK(html.find("<script src=\"/dashboard/problems.js\" defer></script>") != std::string::npos);
  CHECK(html.find("http-equiv=\"refresh\"") == std::string::npos);  // it would reset the form
  CHECK(html.find("hreflang=\"en\"") != std::string::npos);

  data.charts = false;  // node_modules/uplot absent: no script that would 404
  CHECK(renderDashboard(data).find("uPlot") == std::string::npos);
  data.charts = true;
  data.problems->problems.clear();  // nothing to draw
  CHECK(renderDashboard(data).find("<script") == std::string::npos);
  data.problems.reset();
  CHECK(renderDashboard(data).find("class=\"problems\"") == std::string::npos);
}
