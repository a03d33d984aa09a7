// GET /v1/conversion and the dashboard's conversion columns over real HTTP, on a database filled
// through SignalStore; the numbers are checked against SQL the test runs on the tables itself.
#include <doctest/doctest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "kit/collector_fixtures.h"
#include "kit/test_batch_id.h"
#include "signal_store.h"
#include "time_text.h"
#include "utc_day.h"

using namespace friction;
using namespace friction::collector;
using testing::TempRoot;

namespace {

constexpr const char* kToken = "conversion-test-token-0123456789";
constexpr int64_t kDay = 20400;  // a fixed UTC day (2025-11-07)

// `views` page views of /checkout, each a batch: its tally (with a rage click for `rage`, and
// the rage click's signal so that the dashboard lists the problem), and for the first
// `converted` of them the goal tally too.
void fill(const TempRoot& dir, int views, int converted, bool rage, int quiet = 0) {
  std::string error;
  auto store = SignalStore::open(dir.db(), error);
  REQUIRE_MESSAGE(store, error);
  for (int i = 0; i < views; ++i) {
    ReceivedBatch batch;
    batch.id = testBatchId();
    batch.site = "shop";
    batch.sdk = "0.1.0";
    std::vector<std::string> met;
    if (rage) met.push_back("rage_click");
    const int help = i < quiet ? 0 : 1;
    batch.visits.push_back({"/checkout", met, help, ""});
    if (i < converted) batch.visits.push_back({"/checkout", met, help, "purchase"});
    if (rage) batch.signals.push_back({"rage_click", "/checkout", "button", "0123456789abcdef", 4, 0, 700, 0.6});
    REQUIRE(store->storeBatch(batch, kDay * kMsPerUtcDay + 1000 * i, error) ==
            SignalStore::Stored::stored);
  }
}

double sql(const TempRoot& dir, const std::string& query) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.db().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const double value = sqlite3_column_double(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

struct Collector {
  explicit Collector(const TempRoot& root) : collector(optionsFor(root)) {}
  static CollectorOptions optionsFor(const TempRoot& root) {
    CollectorOptions options = testing::viewOptions(root, kToken);
    options.retention_days = 0;
    return options;
  }
  httplib::Result get(const std::string& path) const {
    httplib::Client client = collector.client();
    client.set_default_headers({{"Authorization", std::string("Bearer ") + kToken}});
    return client.Get(path);
  }
  testing::InProcessCollector collector;
};

const std::string kRange = "from=" + formatUtcDay(kDay) + "&to=" + formatUtcDay(kDay);

}  // namespace

TEST_CASE("conversion api: with and without the kind, the difference and the visits lost, as SQL counts them") {
  TempRoot dir;
  fill(dir, 60, 12, true, 30);  // met a rage click: 12 of 60 ordered; 30 asked no help
  fill(dir, 140, 56, false);    // did not: 56 of 140
  Collector collector(dir);
  const auto res = collector.get("/v1/conversion?" + kRange + "&site=shop");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto json = nlohmann::json::parse(res->body);
  CHECK(json["goals"] == nlohmann::json{"purchase"});
  REQUIRE(json["conversion"].size() == 1);
  const auto& row = json["conversion"][0];
  CHECK(row["step"] == "/checkout");
  CHECK(row["kind"] == "rage_click");
  CHECK(row["estimated"] == false);

  // The same numbers from the tables, by SQL.
  const std::string day = " WHERE day = " + std::to_string(kDay) + " AND site = 'shop' AND step = '/checkout'";
  const double views = sql(dir, "SELECT SUM(views) FROM outcome_days" + day + " AND goal = ''");
  const double reached = sql(dir, "SELECT SUM(views) FROM outcome_days" + day + " AND goal = 'purchase'");
  const double with = sql(dir, "SELECT SUM(said_met) FROM outcome_kinds" + day + " AND goal = '' AND kind = 'rage_click'");
  const double with_reached = sql(dir, "SELECT SUM(said_met) FROM outcome_kinds" + day + " AND goal = 'purchase' AND kind = 'rage_click'");
  CHECK(views == 200);
  CHECK(row["views_with"] == with);
  CHECK(row["views_without"] == views - with);
  const double c1 = with_reached / with, c0 = (reached - with_reached) / (views - with);
  CHECK(row["converted_with"] == doctest::Approx(c1).epsilon(1e-4));
  CHECK(row["converted_without"] == doctest::Approx(c0).epsilon(1e-4));
  CHECK(row["difference"] == doctest::Approx(c1 - c0).epsilon(1e-4));
  CHECK(row["visits_lost"] == doctest::Approx((c0 - c1) * with).epsilon(1e-3));
  // Wald: the standard error of a difference of two proportions, exact tallies.
  const double se = std::sqrt(c1 * (1 - c1) / with + c0 * (1 - c0) / (views - with));
  CHECK(row["difference_low"] == doctest::Approx(c1 - c0 - 1.959964 * se).epsilon(1e-3));
  CHECK(row["difference_high"] == doctest::Approx(c1 - c0 + 1.959964 * se).epsilon(1e-3));

  REQUIRE(json["silent_churn"].size() == 1);
  CHECK(json["silent_churn"][0]["quiet_views"] == sql(dir, "SELECT SUM(quiet) FROM outcome_days" + day + " AND goal = ''"));
  CHECK(json["silent_churn"][0]["silent_churn"] == 30 - 12);  // the 12 ordered were among the quiet

  const auto csv = collector.get("/v1/conversion?" + kRange + "&format=csv");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.rfind("site,step,kind,goal,estimated,views_with", 0) == 0);
  CHECK(csv->body.find("shop,/checkout,rage_click,purchase,false,60,140,0.2,0.4,-0.2,") !=
        std::string::npos);

  // The dashboard's problem row carries the same figures.
  const auto page = collector.get("/dashboard?" + kRange + "&site=shop");
  REQUIRE(page);
  CHECK(page->body.find("Converted with / without") != std::string::npos);
  CHECK(page->body.find("20% / 40%") != std::string::npos);
  CHECK(page->body.find("-20.0 pts (") != std::string::npos);
  CHECK(page->body.find(">12 (") != std::string::npos);
  CHECK(page->body.find("Silent churn") != std::string::npos);
  const auto fr = collector.get("/dashboard?" + kRange + "&site=shop&lang=fr");
  REQUIRE(fr);
  CHECK(fr->body.find("Conversion avec / sans") != std::string::npos);
}

TEST_CASE("conversion api: no goal yet, the dashboard says how to get one; bad input is a 400") {
  TempRoot dir;
  dir.write("README.md", "# friction\n");
  fill(dir, 10, 0, true);
  Collector collector(dir);
  const auto page = collector.get("/dashboard?" + kRange);
  REQUIRE(page);
  CHECK(page->body.find("Declare a goal to see what this costs.") != std::string::npos);
  CHECK(page->body.find("/README.md#the-sites-goal-and-what-friction-costs") != std::string::npos);
  const auto json = nlohmann::json::parse(collector.get("/v1/conversion?" + kRange)->body);
  CHECK(json["goals"].empty());
  CHECK(json["conversion"].empty());
  const auto bad = collector.get("/v1/conversion?goal=Not%20a%20name");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(nlohmann::json::parse(bad->body)["parameter"] == "goal");
  const auto readme = collector.get("/README.md");
  REQUIRE(readme);
  CHECK(readme->status == 200);
}

TEST_CASE("conversion api: a group under k shows a dash, not a number") {
  TempRoot dir;
  fill(dir, 4, 1, true);   // 4 views with the kind: under 5
  fill(dir, 40, 10, false);
  Collector collector(dir);
  const auto json = nlohmann::json::parse(collector.get("/v1/conversion?" + kRange)->body);
  CHECK(json["conversion"].empty());
  CHECK(json["hidden"] == 1);
}
