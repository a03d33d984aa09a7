// GET /v1/problems over real HTTP: a collector on a free local port over a database filled
// beforehand through SignalStore, so that the days are chosen by the test.
#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "kit/collector_fixtures.h"
#include "kit/test_batch_id.h"
#include "signal_store.h"
#include "time_text.h"
#include "utc_day.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;

namespace {

constexpr const char* kToken = "problems-test-token-0123456789";

using testing::TempRoot;

// The collector with the views' token, asked with it (or not).
class Collector {
 public:
  explicit Collector(const TempRoot& root) : collector_(optionsFor(root)) {}
  httplib::Result get(const std::string& path, bool with_token = true) const {
    httplib::Client client = collector_.client();
    if (with_token)
      client.set_default_headers({{"Authorization", std::string("Bearer ") + kToken}});
    return client.Get(path);
  }

 private:
  static CollectorOptions optionsFor(const TempRoot& root) {
    CollectorOptions options = testing::viewOptions(root, kToken);
    options.retention_days = 0;  // the tests' days are fixed dates, older than 90 days by now
    return options;
  }
  testing::InProcessCollector collector_;
};

// `views` batches of one dead click each on `step`, on UTC day `day`.
void fill(const TempRoot& dir, const std::string& step, int64_t day, int views,
          const std::string& kind = "dead_click") {
  std::string error;
  auto store = SignalStore::open(dir.db(), error);
  REQUIRE_MESSAGE(store, error);
  for (int i = 0; i < views; ++i) {
    ReceivedBatch batch;
    batch.id = testBatchId();
    batch.site = "shop";
    batch.sdk = "0.1.0";
    batch.signals.push_back({kind, step, "link", "0123456789abcdef", 1, 0, 0, 0.3});
    REQUIRE(store->storeBatch(batch, day * kMsPerUtcDay + 1000 * i, error) ==
            SignalStore::Stored::stored);
  }
}

nlohmann::json bodyJson(const httplib::Result& res) {
  return res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
}

}  // namespace

TEST_CASE("problems api: defaults to the 28 days ending today, k = 5") {
  TempRoot dir;
  const int64_t today = utcDayOf(nowUnixMs());
  fill(dir, "/today", today, 6);
  fill(dir, "/long-ago", today - 28, 9);  // the day before the default range
  fill(dir, "/few", today - 1, 4);
  Collector collector(dir);
  const auto res = collector.get("/v1/problems");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  const auto json = bodyJson(res);
  CHECK(json["range"]["to"] == formatUtcDay(today));  // included
  CHECK(json["range"]["from"] == formatUtcDay(today - 27));
  CHECK(json["range"]["days"] == 28);
  CHECK(json["previous"]["from"] == formatUtcDay(today - 55));
  CHECK(json["k"] == 5);
  CHECK(json["hidden"] == 1);  // "/few"
  REQUIRE(json["problems"].size() == 1);
  const auto& problem = json["problems"][0];
  CHECK(problem["step"] == "/today");
  CHECK(problem["views"] == 6);
  CHECK(problem["trend"] == "new");
  REQUIRE(problem["daily_views"].size() == 28);
  CHECK(problem["daily_views"][27] == 6);
}

TEST_CASE("problems api: range (both ends included), filters and k from the query string") {
  TempRoot dir;
  const int64_t day = *parseUtcDay("2026-03-10");
  fill(dir, "/a", day, 15);
  fill(dir, "/a", day + 1, 10, "rage_click");
  fill(dir, "/b", day + 2, 5);
  fill(dir, "/a", day - 2, 5);  // the previous period of a 3-day range
  Collector collector(dir);
  const std::string range = "/v1/problems?from=2026-03-10&to=2026-03-12";
  auto json = bodyJson(collector.get(range));
  CHECK(json["range"] == nlohmann::json{{"from", "2026-03-10"}, {"to", "2026-03-12"}, {"days", 3}});
  CHECK(json["previous"] == nlohmann::json{{"from", "2026-03-07"}, {"to", "2026-03-09"}});
  REQUIRE(json["problems"].size() == 3);
  CHECK(json["problems"][0]["step"] == "/a");
  CHECK(json["problems"][0]["kind"] == "dead_click");
  CHECK(json["problems"][0]["previous_views"] == 5);
  CHECK(json["problems"][0]["daily_views"] == nlohmann::json{15, 0, 0});
  json = bodyJson(collector.get(range + "&kind=rage_click"));
  REQUIRE(json["problems"].size() == 1);
  CHECK(json["problems"][0]["daily_views"] == nlohmann::json{0, 10, 0});
  json = bodyJson(collector.get(range + "&step=%2Fb"));
  REQUIRE(json["problems"].size() == 1);
  CHECK(json["problems"][0]["step"] == "/b");
  json = bodyJson(collector.get(range + "&site=blog"));
  CHECK(json["problems"].empty());
  json = bodyJson(collector.get(range + "&k=6"));  // k may be raised: /b's 5 views go
  CHECK(json["problems"].size() == 2);
  CHECK(json["hidden"] == 1);
}

TEST_CASE("problems api: CSV as an attachment, formula-looking steps defused") {
  TempRoot dir;
  const int64_t day = *parseUtcDay("2026-03-10");
  fill(dir, "=HYPERLINK(\"http://x\",\"y\")", day, 5);
  Collector collector(dir);
  const auto res = collector.get("/v1/problems?from=2026-03-10&to=2026-03-10&format=csv");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
  CHECK(res->get_header_value("Content-Disposition") ==
        "attachment; filename=\"problems-2026-03-10-2026-03-10.csv\"");
  const std::string expected_row =
      "shop,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",dead_click,0123456789abcdef,link,5,5,5,0,"
      "new,5," + std::to_string(day * kMsPerUtcDay) + "," +
      std::to_string(day * kMsPerUtcDay + 4000) + ",,\r\n";  // no name, no causes: empty columns
  CHECK(res->body.find("\r\n" + expected_row) != std::string::npos);
}

TEST_CASE("problems api: bad input is refused with 400, naming the parameter") {
  TempRoot dir;
  Collector collector(dir);
  const std::pair<const char*, const char*> cases[] = {
      {"from=2026-13-01", "from"},
      {"from=yesterday", "from"},
      {"to=2026-02-30", "to"},
      {"from=2026-03-12&to=2026-03-10", "from"},
      {"from=2026-03-11&to=2026-03-10", "from"},
      {"from=2025-01-01&to=2026-01-02", "to"},  // 367 days, both ends included
      {"k=0", "k"},
      {"k=4", "k"},  // below the collector's 5: small groups could point at a person
      {"k=1001", "k"},
      {"k=five", "k"},
      {"k=-3", "k"},
      {"kind=slow_mood", "kind"},
      {"format=xml", "format"},
      {"limit=0", "limit"},
  };
  for (const auto& [query, parameter] : cases) {
    CAPTURE(query);
    const auto res = collector.get(std::string("/v1/problems?") + query);
    REQUIRE(res);
    CHECK(res->status == 400);
    const auto json = bodyJson(res);
    CHECK(json["parameter"] == parameter);
    CHECK(json["error"].get<std::string>().rfind(std::string(parameter) + ": ", 0) == 0);
  }
  // The edges that are fine.
  CHECK(collector.get("/v1/problems?from=2025-01-01&to=2026-01-01")->status == 200);  // 366 days
  CHECK(collector.get("/v1/problems?from=2026-03-10&to=2026-03-10")->status == 200);  // one day
  CHECK(collector.get("/v1/problems?k=1000&kind=rage_click&format=json")->status == 200);
}

TEST_CASE("problems api: behind the same access as the other views") {
  TempRoot dir;
  Collector collector(dir);
  const auto res = collector.get("/v1/problems", false);
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(collector.get("/v1/summary", false)->status == res->status);
}
