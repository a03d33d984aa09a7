// Which problems are alerted on, and the message a Slack webhook receives (problem_alerts.h).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "problem_alerts.h"
#include "utc_day.h"

using namespace friction::collector;

namespace {

Problem problem(std::string step, int64_t views, int64_t previous_views,
                std::string target = "8bf6fc01aa55aa55") {
  Problem p;
  p.site = "shop";
  p.step = std::move(step);
  p.kind = "rage_click";
  p.target = std::move(target);
  p.role = "button";
  p.views = views;
  p.previous_views = previous_views;
  // The list's trend is deliberately wrong: the picker must apply the rule itself.
  p.trend = ProblemTrend::steady;
  return p;
}

std::vector<std::string> stepsOf(const std::vector<Problem>& problems) {
  std::vector<std::string> steps;
  for (const auto& p : problems) steps.push_back(p.step);
  return steps;
}

const int64_t kWeek = *parseUtcDay("2026-11-22");

}  // namespace

TEST_CASE("alerts: new or worse problems with at least the minimum of page views") {
  ProblemList week;
  week.problems = {
      problem("/new", kAlertMinViews, 0),                 // new, just at the minimum
      problem("/new-small", kAlertMinViews - 1, 0),       // new, one view short
      problem("/worse", 135, 60),                         // ×2.25, z ≈ 6.5
      problem("/steady", 100, 90),                        // within noise
      problem("/better", 40, 100),                        // fell
      problem("/ratio-not-z", 24, 15),                    // ×1.6 but z = 9 / 2√39 ≈ 0.7
  };
  CHECK(stepsOf(pickAlerts(week, {})) == std::vector<std::string>{"/new", "/worse"});
  const auto picked = pickAlerts(week, {});
  CHECK(picked[0].trend == ProblemTrend::new_problem);
  CHECK(picked[1].trend == ProblemTrend::worse);
}

TEST_CASE("alerts: a problem alerted already this week is not alerted again; others still are") {
  ProblemList week;
  week.problems = {problem("/a", 50, 0), problem("/b", 50, 0), problem("/b", 50, 0, "")};
  const std::set<AlertKey> sent{alertKeyOf(week.problems[1])};
  // Same step and kind, another element: another problem.
  CHECK(stepsOf(pickAlerts(week, sent)) == std::vector<std::string>{"/a", "/b"});
  CHECK(pickAlerts(week, sent)[1].target.empty());
}

TEST_CASE("alerts: from two weeks read apart, the previous week gives previous_views") {
  ProblemList current, previous;
  current.problems = {problem("/worse", 135, 0), problem("/steady", 100, 0),
                      problem("/new", 30, 0)};
  previous.problems = {problem("/worse", 60, 0), problem("/steady", 95, 0)};
  const auto picked = pickAlerts(current, previous, {});
  REQUIRE(stepsOf(picked) == std::vector<std::string>{"/worse", "/new"});
  CHECK(picked[0].previous_views == 60);
  CHECK(picked[1].previous_views == 0);
}

TEST_CASE("alerts: the week is the last 7 full UTC days, with the alert minimum and no cap") {
  const int64_t now = (*parseUtcDay("2026-11-29")) * kMsPerUtcDay + 5 * 3600 * 1000;
  const ProblemQuery query = alertQuery(now);
  CHECK(formatUtcDay(query.from_day) == "2026-11-22");
  CHECK(formatUtcDay(query.to_day - 1) == "2026-11-28");  // yesterday, today excluded
  CHECK(query.min_views == kAlertMinViews);
  CHECK(query.limit > 100000);
  CHECK(query.site.empty());
}

TEST_CASE("alert message: Slack's {\"text\"}, one line per problem, the dashboard linked") {
  const auto body = nlohmann::json::parse(alertJson(
      {problem("/product/:id", 135, 60), problem("/help", 30, 0, "")}, kWeek,
      "https://friction.example/dashboard"));
  const std::string text = body.at("text");
  CHECK(text.rfind("friction: 2 problems rose in the week of 2026-11-22 to 2026-11-28", 0) == 0);
  CHECK(text.find("shop: rage_click on /product/:id (button 8bf6fc01\u2026): 135 page views this "
                  "week, 60 the week before <https://friction.example/dashboard?"
                  "from=2026-11-22&amp;to=2026-11-28&amp;site=shop&amp;step=%2Fproduct%2F%3Aid"
                  "&amp;kind=rage_click|dashboard>") != std::string::npos);
  CHECK(text.find("rage_click on /help (the page itself): 30 page views this week, none the "
                  "week before (new)") != std::string::npos);
  REQUIRE(body.at("problems").size() == 2);
  CHECK(body["problems"][0]["trend"] == "worse");
  CHECK(body["problems"][1]["trend"] == "new");
  CHECK(body["problems"][0]["dashboard"] ==
        "https://friction.example/dashboard?from=2026-11-22&to=2026-11-28&site=shop&"
        "step=%2Fproduct%2F%3Aid&kind=rage_click");
  // Without a dashboard URL, no link.
  const auto bare = nlohmann::json::parse(alertJson({problem("/a", 30, 0)}, kWeek, ""));
  CHECK(std::string(bare.at("text")).find('<') == std::string::npos);
  CHECK_FALSE(bare["problems"][0].contains("dashboard"));
}

TEST_CASE("alert message: at most N lines, then \"and N more\"; every problem in the array") {
  std::vector<Problem> many;
  for (int i = 0; i < 13; ++i) many.push_back(problem("/p" + std::to_string(i), 100 - i, 0));
  const auto body = nlohmann::json::parse(alertJson(many, kWeek, "", 10));
  const std::string text = body.at("text");
  CHECK(text.find("/p9 ") != std::string::npos);
  CHECK(text.find("/p10 ") == std::string::npos);
  CHECK(text.size() - text.rfind("\nand 3 more") == std::string("\nand 3 more").size());
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  CHECK(lines == 11);  // 10 problems and the "more" line
  CHECK(body.at("problems").size() == 13);
  const auto exact = nlohmann::json::parse(alertJson(
      std::vector<Problem>(many.begin(), many.begin() + 10), kWeek, "", 10));
  CHECK(std::string(exact.at("text")).find("more") == std::string::npos);
}

TEST_CASE("alert message: a hostile step stays text: valid JSON, no Slack mention or link") {
  const std::string hostile = "/x\"}\n<!channel> <https://evil.example|click> & \\ \xff\x01";
  const std::string raw = alertJson({problem(hostile, 50, 0)}, kWeek, "");
  const auto body = nlohmann::json::parse(raw);  // throws if the JSON were broken
  const std::string text = body.at("text");
  CHECK(text.find("<!channel>") == std::string::npos);
  CHECK(text.find("&lt;!channel&gt;") != std::string::npos);
  CHECK(text.find("<https://evil") == std::string::npos);
  CHECK(text.find("&amp; \\") != std::string::npos);
  CHECK(body["problems"][0]["step"].get<std::string>().find("<!channel>") != std::string::npos);
  CHECK(raw.find('\n') == std::string::npos);  // the line break is escaped inside the string
}
