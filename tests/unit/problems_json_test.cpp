// The problems API's pieces without a server: UTC days, the JSON, the CSV and its guards.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "problems_json.h"
#include "utc_day.h"

using namespace friction::collector;

namespace {

ProblemList oneProblem(std::string step) {
  ProblemList list;
  list.query.from_day = *parseUtcDay("2026-02-27");
  list.query.to_day = *parseUtcDay("2026-03-02");
  list.query.min_views = 7;
  list.hidden = 4;
  Problem problem;
  problem.site = "shop";
  problem.step = std::move(step);
  problem.kind = "dead_click";
  problem.target = "0123456789abcdef";
  problem.role = "link";
  problem.views = 9;
  problem.signals = 11;
  problem.events = 12;
  problem.previous_views = 2;
  problem.trend = ProblemTrend::worse;
  problem.daily_views = {4, 0, 5};
  problem.first_seen_ms = 1000;
  problem.last_seen_ms = 2000;
  list.problems.push_back(problem);
  return list;
}

}  // namespace

TEST_CASE("utc days: parsed strictly, formatted back, leap years included") {
  CHECK(parseUtcDay("1970-01-01") == 0);
  CHECK(parseUtcDay("1970-01-02") == 1);
  CHECK(parseUtcDay("2000-03-01") == 11017);
  CHECK(parseUtcDay("2024-02-29") == 19782);
  CHECK_FALSE(parseUtcDay("2023-02-29"));
  CHECK_FALSE(parseUtcDay("2026-13-01"));
  CHECK_FALSE(parseUtcDay("2026-04-31"));
  CHECK_FALSE(parseUtcDay("2026-4-01"));
  CHECK_FALSE(parseUtcDay("2026-04-01 "));
  CHECK_FALSE(parseUtcDay("2026/04/01"));
  CHECK_FALSE(parseUtcDay("1969-12-31"));
  CHECK_FALSE(parseUtcDay("+026-04-01"));
  CHECK_FALSE(parseUtcDay(""));
  for (const char* day : {"1970-01-01", "1999-12-31", "2000-02-29", "2026-11-29", "9999-12-31"})
    CHECK(formatUtcDay(*parseUtcDay(day)) == day);
  for (int64_t day = 0; day < 200000; day += 37) CHECK(parseUtcDay(formatUtcDay(day)) == day);
  CHECK(utcDayOf(0) == 0);
  CHECK(utcDayOf(kMsPerUtcDay - 1) == 0);
  CHECK(utcDayOf(kMsPerUtcDay) == 1);
  CHECK(utcDayOf(-1) == -1);
}

TEST_CASE("problems json: range, previous period, k, hidden and every field") {
  const auto json = nlohmann::json::parse(problemsJson(oneProblem("/cart")));
  CHECK(json["range"] == nlohmann::json{{"from", "2026-02-27"}, {"to", "2026-03-01"}, {"days", 3}});
  CHECK(json["previous"] == nlohmann::json{{"from", "2026-02-24"}, {"to", "2026-02-26"}});
  CHECK(json["k"] == 7);
  CHECK(json["hidden"] == 4);
  REQUIRE(json["problems"].size() == 1);
  const auto& p = json["problems"][0];
  CHECK(p["site"] == "shop");
  CHECK(p["step"] == "/cart");
  CHECK(p["kind"] == "dead_click");
  CHECK(p["target"] == "0123456789abcdef");
  CHECK(p["role"] == "link");
  CHECK(p["views"] == 9);
  CHECK(p["signals"] == 11);
  CHECK(p["events"] == 12);
  CHECK(p["previous_views"] == 2);
  CHECK(p["trend"] == "worse");
  CHECK(p["daily_views"] == nlohmann::json{4, 0, 5});
  CHECK(p["first_seen"] == 1000);
  CHECK(p["last_seen"] == 2000);
}

TEST_CASE("problems json: trend names") {
  CHECK(trendName(ProblemTrend::new_problem) == "new");
  CHECK(trendName(ProblemTrend::worse) == "worse");
  CHECK(trendName(ProblemTrend::better) == "better");
  CHECK(trendName(ProblemTrend::steady) == "steady");
}

TEST_CASE("problems csv: RFC 4180 quoting") {
  CHECK(csvField("/cart") == "/cart");
  CHECK(csvField("") == "");
  CHECK(csvField("a,b") == "\"a,b\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("problems csv: a field a spreadsheet would run as a formula is defused") {
  CHECK(csvField("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"");
  CHECK(csvField("=1+1") == "'=1+1");
  CHECK(csvField("+1") == "'+1");
  CHECK(csvField("-1") == "'-1");
  CHECK(csvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csvField("\tx") == "'\tx");
  CHECK(csvField("/a=1") == "/a=1");  // only a leading sign counts
}

TEST_CASE("problems csv: a header and one row per problem, daily views joined by spaces") {
  const std::string csv = problemsCsv(oneProblem("=cmd|' /C calc'!A0"));
  CHECK(csv ==
        "site,step,kind,target,role,views,signals,events,previous_views,trend,daily_views,"
        "first_seen,last_seen,name,causes\r\n"
        "shop,'=cmd|' /C calc'!A0,dead_click,0123456789abcdef,link,9,11,12,2,worse,4 0 5,1000,"
        "2000,,\r\n");  // no name, no causes: empty columns
  ProblemList none = oneProblem("/");
  none.problems.clear();
  CHECK(problemsCsv(none).find("\r\n") == problemsCsv(none).size() - 2);  // the header alone
}
