// "Did help work" at the collector: help events read strictly (bad ones refused by name, batches
// of older SDKs without them taken), summed per day, and served by GET /v1/help with the
// problems' token and k (groups under k offers hidden), "left" derived, never received.
#include <doctest/doctest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "encode/signal_batch.h"
#include "help_store.h"
#include "intake/batch_reader.h"
#include "kit/collector_fixtures.h"
#include "kit/test_batch_id.h"
#include "signal_store.h"
#include "time_text.h"
#include "utc_day.h"

using namespace friction;
using namespace friction::collector;

namespace {

constexpr const char* kToken = "help-test-token-0123456789abcdef";

nlohmann::json batchWith(nlohmann::json help) {
  nlohmann::json batch = nlohmann::json::parse(
      encodeBatchJson({"demo-shop", "0.1.0", 0, 0, testBatchId()}, {}, {VisitTally{"/", 0}}));
  batch["help"] = std::move(help);
  return batch;
}

nlohmann::json event(const char* step, const char* kind, const char* name) {
  return {{"step", step}, {"kind", kind}, {"event", name}};
}

std::string refusal(const nlohmann::json& batch, ReceivedBatch& out) {
  std::string error;
  return readBatchJson(batch.dump(), out, error) ? out.first_refusal : error;
}

// `offers` offers of help on `step` for `kind` on UTC day `day`, `opened` of them opened and
// `moved` of those not opened followed by another step.
void fill(const testing::TempRoot& dir, const std::string& step, int64_t day, int offers,
          int opened, int moved) {
  std::string error;
  auto store = SignalStore::open(dir.db(), error);
  REQUIRE_MESSAGE(store, error);
  for (int i = 0; i < offers; ++i) {
    ReceivedBatch batch;
    batch.id = testBatchId();
    batch.site = "shop";
    batch.sdk = "0.1.0";
    batch.help.push_back({step, "form_struggle", "offered"});
    if (i < opened) batch.help.push_back({step, "form_struggle", "opened"});
    else if (i < opened + moved) batch.help.push_back({step, "form_struggle", "moved_on"});
    REQUIRE(store->storeBatch(batch, day * kMsPerUtcDay + 1000 * i, error) ==
            SignalStore::Stored::stored);
  }
}

}  // namespace

TEST_CASE("help intake: the SDK's events are taken, bad ones refused by name, old batches too") {
  ReceivedBatch out;
  CHECK(refusal(batchWith({event("/checkout", "form_struggle", "offered"),
                           event("/checkout", "form_struggle", "moved_on_after_opening")}),
                out) == "");
  REQUIRE(out.help.size() == 2);
  CHECK(out.help[1].event == "moved_on_after_opening");

  CHECK(refusal(batchWith({event("/checkout", "form_struggle", "left")}), out) ==
        "help[0].event: is not a known help event");
  CHECK(refusal(batchWith({event("/checkout?card=4111", "form_struggle", "offered")}), out)
            .rfind("help[0].step", 0) == 0);
  CHECK(refusal(batchWith({event("/checkout", "typing", "offered")}), out) ==
        "help[0].kind: is not a known friction kind");
  auto extra = event("/checkout", "form_struggle", "offered");
  extra["visitor"] = "v-123";
  CHECK(refusal(batchWith({extra}), out).rfind("help[0]", 0) == 0);
  CHECK(out.help.empty());
  CHECK(refusal(batchWith("offered"), out).rfind("help", 0) == 0);  // not an array: all refused

  // A batch of only bad help events is refused whole; without "help" (older SDKs) it is taken.
  nlohmann::json only_help = batchWith({event("/checkout", "form_struggle", "left")});
  only_help["visits"] = nlohmann::json::array();
  std::string error;
  CHECK_FALSE(readBatchJson(only_help.dump(), out, error));
  nlohmann::json old = batchWith({});
  old.erase("help");
  CHECK(refusal(old, out) == "");
}

TEST_CASE("help store: day rows summed per step and kind; under k offers hidden; left derived") {
  testing::TempRoot dir;
  const int64_t today = utcDayOf(nowUnixMs());
  fill(dir, "/checkout", today, 8, 3, 4);
  fill(dir, "/checkout", today - 1, 2, 0, 0);
  fill(dir, "/cart", today, 4, 1, 1);  // 4 offers: under k
  std::string error;
  auto store = SignalStore::open(dir.db(), error);
  REQUIRE(store);
  ProblemQuery query;
  query.from_day = today - 1;
  query.to_day = today + 1;
  const HelpList list = store->help(query);
  REQUIRE(list.rows.size() == 1);
  CHECK(list.hidden == 1);
  const HelpRow& row = list.rows[0];
  CHECK(row.step == "/checkout");
  CHECK(row.count(HelpEvent::offered) == 10);
  CHECK(row.count(HelpEvent::opened) == 3);
  CHECK(row.count(HelpEvent::moved_on) == 4);
  CHECK(row.left() == 6);
  query.from_day = today;  // today alone: 8 offers
  CHECK(store->help(query).rows.at(0).count(HelpEvent::offered) == 8);
  query.kind = "rage_click";
  CHECK(store->help(query).rows.empty());
}

TEST_CASE("GET /v1/help: the views' token, the problems' parameters, JSON and CSV") {
  testing::TempRoot dir;
  const int64_t today = utcDayOf(nowUnixMs());
  fill(dir, "/checkout", today, 6, 2, 3);
  testing::InProcessCollector collector(testing::viewOptions(dir, kToken));
  httplib::Client client = collector.client();
  auto res = client.Get("/v1/help");
  REQUIRE(res);
  CHECK(res->status == 401);
  client.set_default_headers({{"Authorization", std::string("Bearer ") + kToken}});
  res = client.Get("/v1/help");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto json = nlohmann::json::parse(res->body);
  CHECK(json["k"] == 5);
  REQUIRE(json["help"].size() == 1);
  CHECK(json["help"][0]["offered"] == 6);
  CHECK(json["help"][0]["opened"] == 2);
  CHECK(json["help"][0]["left"] == 3);
  res = client.Get("/v1/help?k=7");
  REQUIRE(res);
  CHECK(nlohmann::json::parse(res->body)["hidden"] == 1);
  res = client.Get("/v1/help?k=2");
  REQUIRE(res);
  CHECK(res->status == 400);  // lower than 5 would show groups small enough to point at one person
  res = client.Get("/v1/help?format=csv");
  REQUIRE(res);
  CHECK(res->body.rfind("site,step,kind,offered,opened,dismissed,handoff,solved,unsolved,moved_on,"
                        "moved_on_after_opening,goal,goal_after_opening,left\r\n", 0) == 0);
  CHECK(res->body.find("shop,/checkout,form_struggle,6,2,0,0,0,0,3,0,0,0,3\r\n") != std::string::npos);
}

TEST_CASE("help store: a view's read is a range of the day key, never a scan of the table") {
  testing::TempRoot dir;
  std::string error;
  REQUIRE(SignalStore::open(dir.db(), error));
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.db().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* plan = nullptr;
  const std::string sql = std::string("EXPLAIN QUERY PLAN ") + helpDaysSelectSql();
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &plan, nullptr) == SQLITE_OK);
  std::string steps;
  while (sqlite3_step(plan) == SQLITE_ROW)
    steps += reinterpret_cast<const char*>(sqlite3_column_text(plan, 3)) + std::string("\n");
  sqlite3_finalize(plan);
  sqlite3_close(db);
  MESSAGE(steps);
  CHECK(steps.find("SEARCH help_days USING PRIMARY KEY (day>? AND day<?)") != std::string::npos);
  CHECK(steps.find("SCAN help_days") == std::string::npos);
}
