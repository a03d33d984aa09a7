// The collector over real HTTP: a server on a free local port with a temporary root and
// database, driven by httplib's client.
#include <doctest/doctest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "collector_server.h"
#include "dashboard_page.h"
#include "handoffs_json.h"
#include "step_sections.h"
#include "signal_intake.h"
#include "anonymise/randomized_response.h"
#include "encode/signal_batch.h"
#include "kit/collector_fixtures.h"
#include "kit/test_batch_id.h"
#include "view_access.h"

namespace fs = std::filesystem;
using namespace friction;
using friction::collector::CollectorOptions;

namespace {

int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

using testing::TempRoot;

// The page origin of the site "demo-shop" that test collectors register, and their token.
constexpr const char* kShopOrigin = "http://shop.test";
constexpr const char* kTestToken = "test-token-0123456789abcdef";
const std::vector<std::string> kShopSite{std::string("demo-shop=") + kShopOrigin};
constexpr const char* kHandoffWithoutSummary = R"({"v":1,"site":"demo-shop","summary":null})";

class RunningCollector {
 public:
  explicit RunningCollector(const TempRoot& root, std::string allow_origin = "",
                            std::vector<std::string> sites = kShopSite, double rate_limit = 50,
                            std::string token = kTestToken)
      : collector_(optionsFor(root, std::move(allow_origin), std::move(sites), rate_limit,
                              std::move(token))) {}
  bool ready() const { return collector_.ready(); }
  int port() const { return collector_.port(); }
  // A client as the shop's pages and the operator are: every request carries the shop's
  // Origin and the access token.
  httplib::Client client() const {
    httplib::Client client = bareClient();
    client.set_default_headers(
        {{"Origin", kShopOrigin}, {"Authorization", std::string("Bearer ") + kTestToken}});
    return client;
  }
  // Headers only as each request gives them.
  httplib::Client bareClient() const { return collector_.client(); }

 private:
  static CollectorOptions optionsFor(const TempRoot& root, std::string allow_origin,
                                     std::vector<std::string> sites, double rate_limit,
                                     std::string token) {
    CollectorOptions options{root.path, root.db(), std::move(allow_origin), std::move(sites),
                             rate_limit};
    options.demo = true;  // the static-file tests read the shop's pages
    options.access_token = std::move(token);
    return options;
  }
  testing::InProcessCollector collector_;
};

std::string frameOf(const std::string& json) {
  const auto bytes = compressBatch(json);  // as the SDK sends it: with the dictionary
  return std::string(bytes.begin(), bytes.end());
}

std::string batchFrame(const std::vector<Signal>& signals, uint32_t dropped = 0) {
  return frameOf(encodeBatchJson({"demo-shop", "0.1.0", dropped, 0, testBatchId()}, signals));
}

// Each the first of its problem in its page load (a new page view), as the SDK marks it.
Signal rageClick(std::string step = "/product/:id") {
  Signal signal{FrictionKind::rage_click, std::move(step), "button", 0x9f2c0e4d1a7b3c58ULL, 4, 10,
                700, 0.6};
  signal.first = true;
  return signal;
}

Signal deadClick() {
  Signal signal{FrictionKind::dead_click, "/cart", "link", 0x0123456789abcdefULL, 1, 20, 0, 0.3};
  signal.first = true;
  return signal;
}

int statusOf(const httplib::Result& res) { return res ? res->status : -1; }

std::string contentTypeOf(const httplib::Result& res) {
  return res ? res->get_header_value("Content-Type") : "(no response)";
}

std::string bodyOf(const httplib::Result& res) { return res ? res->body : "(no response)"; }

std::string errorOf(const httplib::Result& res) {
  if (!res) return "(no response)";
  auto body = nlohmann::json::parse(res->body, nullptr, false);
  return body.is_object() && body.contains("error") && body["error"].is_string()
             ? body["error"].get<std::string>()
             : "(no JSON error in: " + res->body + ")";
}

// Runs `sql` on the test database and returns every row as strings.
std::vector<std::vector<std::string>> query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::vector<std::string>> rows;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      const auto* text = sqlite3_column_text(statement, i);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

}  // namespace

TEST_CASE("collector: a valid batch is stored with the server's clock") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();

  const int64_t before = nowMs();
  // No Content-Type, as sendBeacon may send: the body is recognised by its magic number.
  auto res = client.Post("/v1/signals", batchFrame({rageClick(), deadClick()}, 3), "");
  const int64_t after = nowMs();
  REQUIRE(res);
  CHECK(res->status == 202);
  CHECK(res->body == R"({"stored":2,"visits":0})");

  const auto signals = query(root.db(),
                             "SELECT site, kind, step, role, target, count, at_s, span_ms, score, "
                             "received_at FROM signals ORDER BY id");
  REQUIRE(signals.size() == 2);
  CHECK(signals[0] == std::vector<std::string>{"demo-shop", "rage_click", "/product/:id",
                                               "button", "9f2c0e4d1a7b3c58", "4", "10", "700",
                                               "0.6", signals[0][9]});
  CHECK(signals[1][1] == "dead_click");
  CHECK(signals[1][2] == "/cart");
  CHECK(signals[1][4] == "0123456789abcdef");
  const int64_t received_at = std::stoll(signals[0][9]);
  CHECK(received_at >= before);
  CHECK(received_at <= after);

  const auto batches =
      query(root.db(), "SELECT site, sdk, dropped, signal_count, received_at FROM batches");
  REQUIRE(batches.size() == 1);
  CHECK(batches[0] ==
        std::vector<std::string>{"demo-shop", "0.1.0", "3", "2", signals[0][9]});
}

TEST_CASE("collector: refused bodies get a status and a JSON error, and store nothing") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();
  const std::string json = encodeBatchJson({"demo-shop", "0.1.0", 0, 0, testBatchId()}, {rageClick()});

  SUBCASE("JSON sent uncompressed is not a zstd frame: 415") {
    auto res = client.Post("/v1/signals", json, "application/json");
    REQUIRE(res);
    CHECK(res->status == 415);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    CHECK(errorOf(res) == "body must be a zstd frame of a JSON batch");
  }
  SUBCASE("a body over 64 KiB: 413") {
    std::string big = frameOf(json);
    big.resize(64 * 1024 + 1, 'x');
    auto res = client.Post("/v1/signals", big, "application/zstd");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(errorOf(res) == "body exceeds 65536 bytes");
  }
  SUBCASE("a chunked body over 64 KiB: 413") {
    // No Content-Length, so httplib's own limit does not apply: the collector's must.
    auto res = client.Post(
        "/v1/signals",
        [](size_t offset, httplib::DataSink& sink) {
          const std::string chunk(8 * 1024, 'x');
          if (offset < 128 * 1024) sink.write(chunk.data(), chunk.size());
          else sink.done();
          return true;
        },
        "application/zstd");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(errorOf(res) == "body exceeds 65536 bytes");
  }
  SUBCASE("a small frame that decompresses beyond 1 MiB: 413, stopped at 64 KiB") {
    auto res = client.Post("/v1/signals", frameOf(std::string(2 * 1024 * 1024, ' ')), "");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(errorOf(res) == "decompressed body exceeds 65536 bytes");
  }
  SUBCASE("a frame expanding over 64 times its size: 413, though under 1 MiB") {
    std::string data(200 * 1024, 'x');
    uint64_t noise = 88172645463325252ULL;  // xorshift: 3 KB that zstd cannot shrink
    for (size_t i = 0; i < 3072; ++i) {
      noise ^= noise << 13, noise ^= noise >> 7, noise ^= noise << 17;
      data[i] = static_cast<char>(noise);
    }
    const std::string frame = frameOf(data);
    REQUIRE(frame.size() * collector::kMaxCompressionRatio < data.size());
    auto res = client.Post("/v1/signals", frame, "");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(errorOf(res) == "decompressed body exceeds " +
                              std::to_string(collector::decompressedCap(frame.size())) + " bytes");
  }
  SUBCASE("a truncated frame: 400") {
    const std::string frame = frameOf(json);
    auto res = client.Post("/v1/signals", frame.substr(0, frame.size() - 4), "");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(errorOf(res) == "truncated zstd frame");
  }
  SUBCASE("a bad signal: 400 naming the field") {
    auto batch = nlohmann::json::parse(json);
    batch["signals"][0]["target"] = "#checkout > button";
    auto res = client.Post("/v1/signals", frameOf(batch.dump()), "");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(errorOf(res) == "signals[0].target: must be exactly 16 lowercase hex digits");
  }
  SUBCASE("a step carrying an id: 400") {
    auto res = client.Post("/v1/signals",
                           frameOf(encodeBatchJson({"demo-shop", "0.1.0", 0, 0, testBatchId()},
                                                   {rageClick("/order/88123")})),
                           "");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(errorOf(res).rfind("signals[0].step: ", 0) == 0);
  }
  CHECK(query(root.db(), "SELECT COUNT(*) FROM signals")[0][0] == "0");
  CHECK(query(root.db(), "SELECT COUNT(*) FROM batches")[0][0] == "0");
}

namespace {
VisitTally visit(std::string step, std::initializer_list<FrictionKind> met = {}) {
  VisitTally tally{std::move(step), 0};
  for (auto kind : met) tally.met |= VisitTally::bit(kind);
  return tally;
}

std::string visitsFrame(const std::vector<VisitTally>& visits, double epsilon = 0) {
  return frameOf(encodeBatchJson({"demo-shop", "0.1.0", 0, epsilon, testBatchId()}, {}, visits));
}
}  // namespace

TEST_CASE("collector: exact visit tallies are summed into shares per step") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();

  auto res = client.Post("/v1/signals",
                         visitsFrame({visit("/checkout", {FrictionKind::form_struggle}),
                                      visit("/checkout"), visit("/")}),
                         "");
  CHECK(bodyOf(res) == R"({"stored":0,"visits":3})");
  REQUIRE(statusOf(client.Post(
              "/v1/signals",
              visitsFrame({visit("/checkout", {FrictionKind::form_struggle, FrictionKind::dead_click}),
                           visit("/checkout")}),
              "")) == 202);

  // "/" has one visit, /checkout four: fewer than k = 5 each, neither is shown.
  auto summary = nlohmann::json::parse(bodyOf(client.Get("/v1/summary")));
  CHECK(summary["k"] == 5);
  CHECK(summary["hidden_steps"] == 2);
  CHECK(summary["visits"].empty());
  CHECK_FALSE(summary.contains("groups"));  // per element, with k, at /v1/problems
  std::string page = bodyOf(client.Get("/dashboard"));
  CHECK(page.find("2 steps with fewer than 5 visits are not shown (privacy).") != std::string::npos);
  CHECK(page.find("<code>/checkout</code>") == std::string::npos);

  REQUIRE(statusOf(client.Post("/v1/signals", visitsFrame({visit("/checkout")}), "")) == 202);
  summary = nlohmann::json::parse(bodyOf(client.Get("/v1/summary")));
  CHECK(summary["hidden_steps"] == 1);
  REQUIRE(summary["visits"].size() == 1);
  const auto& checkout = summary["visits"][0];
  CHECK(checkout["site"] == "demo-shop");
  CHECK(checkout["step"] == "/checkout");
  CHECK(checkout["visits"] == 5);
  CHECK(checkout["estimated"] == false);
  CHECK(checkout["met"] == nlohmann::json::parse(R"({"form_struggle":{"visits":2.0,"share":0.4},
                                                     "dead_click":{"visits":1.0,"share":0.2}})"));

  page = bodyOf(client.Get("/dashboard"));
  CHECK(page.find("Visits by step") != std::string::npos);
  CHECK(page.find("form struggle</span> 40%") != std::string::npos);
  CHECK(page.find("1 step with fewer than 5 visits is not shown (privacy).") != std::string::npos);
  // The table's CSV: the same step and shares, one row per kind; the steps under k left out.
  const auto csv = client.Get("/v1/summary?format=csv");
  REQUIRE(csv);
  CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv->body ==
        "site,step,visits,estimated,kind,visits_met,share,estimate,standard_error,detectable\r\n"
        "demo-shop,/checkout,5,false,form_struggle,2.0,0.4000,,,\r\n"
        "demo-shop,/checkout,5,false,dead_click,1.0,0.2000,,,\r\n");
  CHECK(statusOf(client.Get("/v1/summary?format=xml")) == 400);
  CHECK(page.find("href=\"/v1/summary?format=csv\"") != std::string::npos);

  page = bodyOf(client.Get("/dashboard?lang=fr"));
  CHECK(page.find("Visites par étape") != std::string::npos);
  CHECK(page.find("difficulté avec un formulaire</span> 40\u202f%") != std::string::npos);
}

TEST_CASE("collector: randomized tallies are estimated back to the truth, with a margin") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();

  // 3,000 simulated visitors to /checkout, 30% of whom struggle with the form, each telling
  // their visit through randomized response with ε = ln 3, in batches of 100.
  constexpr int kVisits = 3000;
  constexpr double kEpsilon = 1.0986;
  KeyedRandom random(SipKey{7, 11});
  int truly = 0;
  std::vector<VisitTally> batch;
  for (int i = 0; i < kVisits; ++i) {
    const bool struggled = random.uniform() < 0.3;
    truly += struggled;
    VisitTally told{"/checkout", 0};
    for (size_t k = 0; k < kFrictionKindCount; ++k) {
      const bool met = struggled && static_cast<FrictionKind>(k) == FrictionKind::form_struggle;
      if (randomizedAnswer(met, kEpsilon, random)) told.met |= uint16_t(1u << k);
    }
    batch.push_back(told);
    if (batch.size() == 100) {
      REQUIRE(statusOf(client.Post("/v1/signals", visitsFrame(batch, kEpsilon), "")) == 202);
      batch.clear();
    }
  }

  const auto summary = nlohmann::json::parse(bodyOf(client.Get("/v1/summary")));
  REQUIRE(summary["visits"].size() == 1);
  const auto& checkout = summary["visits"][0];
  CHECK(checkout["visits"] == kVisits);
  CHECK(checkout["estimated"] == true);
  const auto& form = checkout["met"]["form_struggle"];
  const double estimate = form["estimate"], margin = form["standard_error"];
  CHECK(margin == doctest::Approx(std::sqrt(kVisits * 0.1875) / 0.5).epsilon(0.01));
  CHECK(std::abs(estimate - truly) < 3 * margin);
  CHECK(form["visits"] == estimate);  // within [0, visits]: clamping changes nothing
  CHECK(form["share"] == doctest::Approx(estimate / kVisits).epsilon(1e-3));
  CHECK(form["detectable"] == true);
  // Every kind is listed; those nobody met are estimated near zero, within 3 standard errors,
  // and shown clamped to [0, visits], undetectable when the clamp made them 0.
  CHECK(checkout["met"].size() == kFrictionKindCount);
  for (const auto& [kind, share] : checkout["met"].items()) {
    if (kind == "form_struggle") continue;
    CAPTURE(kind);
    const double unclamped = share["estimate"], shown = share["visits"];
    CHECK(std::abs(unclamped) < 3 * margin);
    CHECK(shown == doctest::Approx(std::max(unclamped, 0.0)).epsilon(1e-3));
    CHECK(share["detectable"] == (shown > 0));
    CHECK(share["standard_error"] == margin);
  }
  CHECK(bodyOf(client.Get("/dashboard")).find("±") != std::string::npos);
}

TEST_CASE("collector: the dashboard shows steps and kinds, escaped, under the CSP") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();

  SUBCASE("empty: says how to produce data") {
    auto res = client.Get("/dashboard");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.find("No signals yet") != std::string::npos);
  }
  SUBCASE("with signals") {
    // '<' passes validation (it is not a query, fragment or id), so it must be escaped.
    REQUIRE(statusOf(client.Post(
                "/v1/signals",
                batchFrame({rageClick(), rageClick("/compare/<b>x</b>"), deadClick()}), "")) ==
            202);
    auto res = client.Get("/dashboard");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->get_header_value("Content-Security-Policy") ==
          collector::kContentSecurityPolicy);
    CHECK(res->get_header_value("Cache-Control") == "no-store");
    std::string page = res->body;
    // One page view each: fewer than k = 5, so counted, not shown.
    CHECK(page.find("3 problems with fewer than 5 page views are not shown (privacy).") !=
          std::string::npos);
    CHECK(page.find("9f2c0e4d1a7b3c58") == std::string::npos);
    // Four more page views of the odd step's rage click: now it is shown, escaped.
    for (int i = 0; i < 4; ++i)
      REQUIRE(statusOf(client.Post("/v1/signals", batchFrame({rageClick("/compare/<b>x</b>")}),
                                   "")) == 202);
    page = client.Get("/dashboard")->body;
    CHECK(page.find("2 problems with fewer than 5 page views are not shown (privacy).") !=
          std::string::npos);
    CHECK(page.find("9f2c0e4d") != std::string::npos);
    CHECK(page.find("/compare/&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    // Nothing the CSP would block.
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("style=") == std::string::npos);
    CHECK(page.find("<style") == std::string::npos);
  }
}

TEST_CASE("collector: static files, types and headers") {
  TempRoot root;
  root.write("demo/shop/index.html", "<h1>shop</h1>");
  root.write("demo/shop/product.html", "<h1>product</h1>");
  root.write("demo/shop/shop.css", "body{}");
  root.write("demo/dashboard/dashboard.css", "table{}");
  root.write("dist/x.wasm", std::string("\0asm\1\0\0\0", 8));
  root.write("dist/friction.mjs", "export {};");
  root.write("dist/friction.js", "var x;");
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();

  auto wasm = client.Get("/dist/x.wasm");
  REQUIRE(wasm);
  CHECK(wasm->status == 200);
  CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
  CHECK(wasm->body == std::string("\0asm\1\0\0\0", 8));
  CHECK(contentTypeOf(client.Get("/dist/friction.mjs")) ==
        "text/javascript; charset=utf-8");
  CHECK(contentTypeOf(client.Get("/dist/friction.js")) ==
        "text/javascript; charset=utf-8");
  CHECK(contentTypeOf(client.Get("/shop/shop.css")) ==
        "text/css; charset=utf-8");
  CHECK(bodyOf(client.Get("/dashboard/dashboard.css")) == "table{}");

  // Every file carries a validator of its bytes; asked again with it, the collector answers 304
  // with no body. A chunk named by its hash is kept for good, the rest checked at each use.
  root.write("dist/friction-core-CEUE5TBN.mjs", "export const glue = 1;");
  auto chunk = client.Get("/dist/friction-core-CEUE5TBN.mjs");
  REQUIRE(chunk);
  CHECK(chunk->status == 200);
  CHECK(chunk->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
  const auto tag = wasm->get_header_value("ETag");
  CHECK(tag.size() == 18);
  CHECK(wasm->get_header_value("Cache-Control") == "no-cache");
  auto again = client.Get("/dist/x.wasm", {{"If-None-Match", tag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  CHECK(again->get_header_value("ETag") == tag);
  auto other = client.Get("/dist/friction.js", {{"If-None-Match", tag}});
  REQUIRE(other);
  CHECK(other->status == 200);
  CHECK(other->body == "var x;");
  // A rebuilt file has another tag: the browser's old copy is not confirmed.
  root.write("dist/x.wasm", std::string("\0asm\1\0\0\0\0", 9));
  auto rebuilt = client.Get("/dist/x.wasm", {{"If-None-Match", tag}});
  REQUIRE(rebuilt);
  CHECK(rebuilt->status == 200);
  CHECK(rebuilt->body.size() == 9);
  CHECK(rebuilt->get_header_value("ETag") != tag);
  // A browser resuming a download it kept cut off asks for the rest with Range (and If-Range):
  // it gets the whole file, never a tail it could take for the file.
  auto resumed = client.Get("/dist/x.wasm", {{"Range", "bytes=4-"}, {"If-Range", tag}});
  REQUIRE(resumed);
  CHECK(resumed->status == 200);
  CHECK(resumed->body.size() == 9);
  CHECK(resumed->get_header_value("Content-Range").empty());
  auto missing = client.Get("/dist/none.wasm", {{"Range", "bytes=0-1"}});
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->get_header_value("Content-Range").empty());

  auto index = client.Get("/");
  REQUIRE(index);
  CHECK(index->body == "<h1>shop</h1>");
  CHECK(index->get_header_value("ETag").empty());  // pages are made per request: never stored
  CHECK(index->get_header_value("Content-Security-Policy") == collector::kContentSecurityPolicy);
  CHECK(index->get_header_value("Cache-Control") == "no-store");
  CHECK(bodyOf(client.Get("/product/42")) == "<h1>product</h1>");

  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body == "ok");

  for (std::string path : {"/nope", "/dist/missing.js", "/dist/%2e%2e/data/test.db",
                           "/shop/..%2F..%2Fdata%2Ftest.db", "/dist/.hidden", "/product"}) {
    CAPTURE(path);
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->body == "not found\n");
  }
}

TEST_CASE("collector: a batch with one bad signal stores the others and says what it left out") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();
  auto batch = nlohmann::json::parse(encodeBatchJson({"demo-shop", "0.1.0", 0, 0, testBatchId()},
                                                     {rageClick(), deadClick(), rageClick()}));
  batch["signals"][1]["step"] = "/" + std::string(300, 'a');
  auto res = client.Post("/v1/signals", frameOf(batch.dump()), "");
  CHECK(statusOf(res) == 202);
  CHECK(bodyOf(res) == R"({"refusal":"signals[1].step: must be at most 256 characters",)"
                       R"("refused":1,"stored":2,"visits":0})");
  CHECK(query(root.db(), "SELECT kind FROM signals ORDER BY id") ==
        std::vector<std::vector<std::string>>{{"rage_click"}, {"rage_click"}});
}

TEST_CASE("collector: cross-origin posting only when allowed") {
  TempRoot root;

  SUBCASE("a registered site's origins") {
    RunningCollector collector(root);
    REQUIRE(collector.ready());
    auto client = collector.bareClient();
    auto preflight = client.Options("/v1/signals", {{"Origin", kShopOrigin}});
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == kShopOrigin);
    auto elsewhere = client.Options("/v1/signals", {{"Origin", "https://evil.example"}});
    REQUIRE(elsewhere);
    CHECK_FALSE(elsewhere->has_header("Access-Control-Allow-Origin"));
  }
  SUBCASE("--allow-origin: CORS headers, but writes still need a site listing the origin") {
    RunningCollector collector(root, "https://shop.example");
    REQUIRE(collector.ready());
    auto client = collector.bareClient();
    const httplib::Headers from_shop{{"Origin", "https://shop.example"}};
    auto preflight = client.Options("/v1/signals", from_shop);
    REQUIRE(preflight);
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "https://shop.example");
    CHECK(preflight->get_header_value("Vary") == "Origin");
    auto post = client.Post("/v1/signals", from_shop, batchFrame({rageClick()}), "");
    CHECK(statusOf(post) == 403);
    CHECK(errorOf(post) ==
          "no registered site lists the origin https://shop.example");
  }
}

TEST_CASE("collector: with registered sites, each takes batches only from its own origins") {
  TempRoot root;
  RunningCollector collector(root, "", {"demo-shop=https://shop.example,https://www.shop.example"});
  REQUIRE(collector.ready());
  auto client = collector.bareClient();
  auto from = [&](const std::string& origin, const std::string& frame) {
    return client.Post("/v1/signals", {{"Origin", origin}}, frame, "");
  };
  CHECK(statusOf(from("https://www.shop.example", batchFrame({rageClick()}))) == 202);
  CHECK(statusOf(from("https://shop.example", batchFrame({rageClick()}))) == 202);

  // A no-cors POST from a page carries its Origin; a request without one is no page's.
  auto anonymous = client.Post("/v1/signals", batchFrame({rageClick()}), "");
  CHECK(statusOf(anonymous) == 403);
  CHECK(errorOf(anonymous) == "a batch must carry the Origin of a page of its site");
  CHECK(statusOf(client.Post("/v1/handoff", kHandoffWithoutSummary, "application/json")) == 403);

  auto stranger = from("https://evil.example", batchFrame({rageClick()}));
  CHECK(statusOf(stranger) == 403);
  CHECK(errorOf(stranger) == "no registered site lists the origin https://evil.example");
  CHECK_FALSE(stranger->has_header("Access-Control-Allow-Origin"));
  // The collector's own address is no exception: a DNS-rebinding page would have it.
  CHECK(statusOf(from("http://127.0.0.1:" + std::to_string(collector.port()),
                      batchFrame({rageClick()}))) == 403);

  const std::string other_site =
      frameOf(encodeBatchJson({"other-shop", "0.1.0", 0, 0, testBatchId()}, {rageClick()}));
  auto unknown = from("https://shop.example", other_site);
  CHECK(statusOf(unknown) == 403);
  CHECK(errorOf(unknown) == R"(site "other-shop" is not registered on this collector)");

  // An opaque origin (sandboxed frame, file:) or anything else that is not scheme://host.
  auto opaque = from("null", batchFrame({rageClick()}));
  CHECK(statusOf(opaque) == 403);
  CHECK(errorOf(opaque) == "the Origin header is not an origin");
  CHECK(query(root.db(), "SELECT COUNT(*) FROM signals")[0][0] == "2");
}

TEST_CASE("collector: without a registered site, no page of any origin may write") {
  TempRoot root;
  RunningCollector collector(root, "", {});
  REQUIRE(collector.ready());
  auto client = collector.client();
  auto batch = client.Post("/v1/signals", batchFrame({rageClick()}), "");
  CHECK(statusOf(batch) == 403);
  CHECK(errorOf(batch) == "no site is registered on this collector (--site NAME=ORIGIN)");
  CHECK(statusOf(client.Post("/v1/handoff", kHandoffWithoutSummary, "application/json")) == 403);
  CHECK(query(root.db(), "SELECT COUNT(*) FROM batches")[0][0] == "0");
  CHECK(query(root.db(), "SELECT COUNT(*) FROM handoffs")[0][0] == "0");
}

TEST_CASE("collector: an address over its rate gets 429 with Retry-After, whatever its Origin") {
  TempRoot root;
  RunningCollector collector(
      root, "", {"demo-shop=https://noisy.example,https://calm.example"}, 2);  // 2/s, bursts of 4
  REQUIRE(collector.ready());
  auto client = collector.bareClient();
  const httplib::Headers noisy{{"Origin", "https://noisy.example"}};
  int accepted = 0;
  std::optional<httplib::Response> limited;
  for (int i = 0; i < 6; ++i) {
    auto res = client.Post("/v1/signals", noisy, batchFrame({rageClick()}), "");
    REQUIRE(res);
    if (res->status == 202) ++accepted;
    else limited = *res;
  }
  CHECK(accepted == 4);
  REQUIRE(limited);
  CHECK(limited->status == 429);
  CHECK(limited->get_header_value("Retry-After") == "1");
  CHECK(nlohmann::json::parse(limited->body)["error"] ==
        "too many requests from this address; retry after 1 s");
  // Another Origin from the same address shares its bucket: rotating it dodges nothing.
  CHECK(statusOf(client.Post("/v1/signals", {{"Origin", "https://calm.example"}},
                             batchFrame({rageClick()}), "")) == 429);
}

TEST_CASE("collector: the views answer only with the access token, and only on our host names") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.bareClient();
  const std::string bearer = std::string("Bearer ") + kTestToken;
  for (const char* view : {"/dashboard", "/agent", "/v1/summary"}) {
    CAPTURE(view);
    CHECK(statusOf(client.Get(view)) == 401);
    CHECK(statusOf(client.Get(view, {{"Authorization", "Bearer wrong-token-0123456789"}})) == 401);
    CHECK(statusOf(client.Get(view, {{"Cookie", "friction_token=wrong"}})) == 401);
    CHECK(statusOf(client.Get(view, {{"Authorization", bearer}})) == 200);
    const std::string cookie = std::string("a=b; friction_token=") + kTestToken;
    CHECK(statusOf(client.Get(view, {{"Cookie", cookie}})) == 200);
    // A DNS-rebinding page reaches 127.0.0.1 under its own name, which it sends as Host.
    const httplib::Headers rebound{{"Authorization", bearer}, {"Host", "evil.example:80"}};
    CHECK(statusOf(client.Get(view, rebound)) == 421);
    CHECK(statusOf(client.Get(view, {{"Authorization", bearer}, {"Host", "localhost"}})) == 200);
  }
  // The printed URL carries the token once: it is traded for a cookie scripts cannot read.
  auto opened = client.Get(std::string("/dashboard?token=") + kTestToken);
  REQUIRE(opened);
  CHECK(opened->status == 303);
  CHECK(opened->get_header_value("Location") == "/dashboard");
  CHECK(opened->get_header_value("Set-Cookie") ==
        std::string("friction_token=") + kTestToken + "; HttpOnly; SameSite=Strict; Path=/");
  CHECK(opened->body.find(kTestToken) == std::string::npos);
  // The view's other settings survive the trade: a link to the French view, filtered, stays so.
  opened = client.Get(std::string("/dashboard?lang=fr&token=") + kTestToken + "&step=%2Fcart");
  REQUIRE(opened);
  // (httplib's client percent-decodes a Location it reads.)
  CHECK(opened->get_header_value("Location") == "/dashboard?lang=fr&step=/cart");
  CHECK(statusOf(client.Get("/agent?token=not-the-token-0123456789")) == 401);
  CHECK(errorOf(client.Get("/v1/summary")) ==
        "an access token is needed: open the URL the collector printed at start-up");
  // Static files and the shop stay open: they hold nothing of the visitors'.
  CHECK(statusOf(client.Get("/healthz")) == 200);
}

TEST_CASE("collector: without a configured token the views are refused") {
  TempRoot root;
  RunningCollector collector(root, "", kShopSite, 50, "");
  REQUIRE(collector.ready());
  auto client = collector.bareClient();
  for (const char* view : {"/dashboard", "/agent", "/v1/summary", "/dashboard?token="}) {
    CAPTURE(view);
    CHECK(statusOf(client.Get(view)) == 403);
    const httplib::Headers empty{{"Authorization", "Bearer "}, {"Cookie", "friction_token="}};
    CHECK(statusOf(client.Get(view, empty)) == 403);
  }
}

TEST_CASE("view access: tokens compare whole, host names without their port") {
  using namespace friction::collector;
  CHECK(tokensEqual("abcdef0123456789", "abcdef0123456789"));
  CHECK_FALSE(tokensEqual("abcdef012345678", "abcdef0123456789"));
  CHECK_FALSE(tokensEqual("abcdef01234567890", "abcdef0123456789"));
  CHECK_FALSE(tokensEqual("bbcdef0123456789", "abcdef0123456789"));
  CHECK_FALSE(tokensEqual("", ""));
  CHECK(hostNameOf("127.0.0.1:8080") == "127.0.0.1");
  CHECK(hostNameOf("LocalHost") == "localhost");
  CHECK(hostNameOf("[::1]:8080") == "[::1]");
  CHECK(defaultHostNames("0.0.0.0") ==
        std::vector<std::string>{"localhost", "127.0.0.1", "[::1]", "0.0.0.0"});
  CHECK(defaultHostNames("::1") == std::vector<std::string>{"localhost", "127.0.0.1", "[::1]"});
}

TEST_CASE("collector: a database that cannot be opened is reported") {
  TempRoot root;
  httplib::Server server;
  std::string error;
  CollectorOptions options{root.path, (root.path / "missing-dir" / "x.db").string(), ""};
  CHECK_FALSE(collector::setUpCollector(server, options, error));
  CHECK(error.find("cannot open database") != std::string::npos);
}

TEST_CASE("collector: a retried batch is acknowledged again but stored once") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();
  const std::string frame = batchFrame({rageClick(), deadClick()});
  auto first = client.Post("/v1/signals", frame, "");
  CHECK(statusOf(first) == 202);
  auto retry = client.Post("/v1/signals", frame, "");
  CHECK(statusOf(retry) == 200);
  CHECK(bodyOf(retry) == R"({"duplicate":true,"stored":0,"visits":0})");
  CHECK(query(root.db(), "SELECT COUNT(*) FROM signals")[0][0] == "2");
  CHECK(query(root.db(), "SELECT COUNT(*) FROM batches")[0][0] == "1");
}

TEST_CASE("collector: a frame naming a dictionary it never shipped gets 400, by name") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();
  // A real batch frame, its header edited to name dictionary 9 (RFC 8878 frame header: the
  // dictionary id follows the descriptor byte and, unless single-segment, the window byte).
  std::string frame = batchFrame({rageClick()});
  const auto descriptor = static_cast<unsigned char>(frame[4]);
  REQUIRE((descriptor & 3) != 0);  // the SDK's frames carry a dictionary id
  const size_t id_at = 5 + (((descriptor >> 5) & 1) ? 0 : 1);
  const size_t id_bytes = std::array<size_t, 4>{0, 1, 2, 4}[descriptor & 3];
  for (size_t i = 0; i < id_bytes; ++i) frame[id_at + i] = i == 0 ? 9 : 0;
  auto res = client.Post("/v1/signals", frame, "");
  CHECK(statusOf(res) == 400);
  CHECK(errorOf(res) == "zstd frame needs dictionary 9, which this collector does not have");
}

TEST_CASE("collector: a hand-off gets a short reference, and the agent view shows its journey") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();
  const std::string shared = R"({"v":1,"site":"demo-shop","summary":{"steps":[
      {"step":"/product/:id","seconds":40,"met":{"rage_click":2}},
      {"step":"/checkout","seconds":15,"met":{}}]}})";
  auto res = client.Post("/v1/handoff", shared, "application/json");
  REQUIRE(res);
  CHECK(res->status == 201);
  const std::string reference = nlohmann::json::parse(res->body)["reference"];
  CHECK(reference.size() == 7);
  CHECK(reference[3] == '-');
  CHECK(reference.find_first_of("01ILO") == std::string::npos);  // nothing to misread aloud

  auto without = client.Post("/v1/handoff", R"({"v":1,"site":"demo-shop","summary":null})",
                             "application/json");
  REQUIRE(without);
  CHECK(without->status == 201);
  const std::string other = nlohmann::json::parse(without->body)["reference"];
  CHECK(other != reference);

  const std::string page = bodyOf(client.Get("/agent"));
  CHECK(page.find(reference) != std::string::npos);
  CHECK(page.find(other) != std::string::npos);
  CHECK(page.find("<code>/product/:id</code> · about 40 s · <span class=\"kind\">rage click</span> ×2") !=
        std::string::npos);
  CHECK(page.find("The visitor chose not to share their journey") != std::string::npos);
  CHECK(page.find(other) < page.find(reference));  // newest first
  CHECK(page.find("<script") == std::string::npos);

  // The product team's side: where people asked, at a glance, with the way to their stories.
  const std::string dashboard = bodyOf(client.Get("/dashboard"));
  const size_t section = dashboard.find("<h2 id=\"handoffs-heading\">Asked for a person</h2>");
  REQUIRE(section != std::string::npos);
  CHECK(dashboard.find("<a href=\"/agent\">agent view</a>", section) != std::string::npos);
  // One request from each place: too few to show (k = 5), like a small problem.
  CHECK(dashboard.find("2 steps with fewer than 5 requests are not shown (privacy).", section) !=
        std::string::npos);
  CHECK(dashboard.find("<code>/checkout</code></td><td class=\"num\">", section) ==
        std::string::npos);
  // Its exports say the same: two places, each under k.
  const auto exported = nlohmann::json::parse(bodyOf(client.Get("/v1/handoffs")));
  CHECK(exported["k"] == 5);
  CHECK(exported["handoffs"] == 2);
  CHECK(exported["hidden_steps"] == 2);
  CHECK(exported["steps"].empty());
  CHECK(bodyOf(client.Get("/v1/handoffs?format=csv")) == "step,asks,last_asked\r\n");
  // The rows, once a step has k requests: the step they were on when they asked (the last).
  using namespace friction::collector;
  const std::vector<HandoffsAtStep> by_step{{"/checkout", 5, nowMs()}, {"", 1, nowMs()}};
  const std::string rows = renderHandoffsSection(by_step, 6, 5, DashboardLanguage::en);
  CHECK(rows.find("<td><code>/checkout</code></td><td class=\"num\">5</td>") != std::string::npos);
  CHECK(rows.find("(journey not shared)") == std::string::npos);
  CHECK(rows.find("1 step with fewer than 5 requests is not shown (privacy).") != std::string::npos);
  const std::string rows_json = handoffsJson(by_step, 6, 5);
  CHECK(nlohmann::json::parse(rows_json)["steps"] ==
        nlohmann::json::parse(R"([{"step":"/checkout","asks":5,"last_asked":)" +
                              std::to_string(by_step[0].last_ms) + "}]"));
  CHECK(handoffsCsv(by_step, 5) ==
        "step,asks,last_asked\r\n/checkout,5," + std::to_string(by_step[0].last_ms) + "\r\n");
  CHECK(renderHandoffsSection(by_step, 6, 5, DashboardLanguage::fr)
            .find("Demandes à parler à une personne") != std::string::npos);
}

TEST_CASE("dashboard: hand-offs are counted by the step the visitor asked from, most asked first") {
  using namespace friction::collector;
  auto handoff = [](int64_t at_ms, std::vector<std::string> steps) {
    StoredHandoff h{"AAA-222", "demo", at_ms, std::nullopt};
    if (!steps.empty()) {
      h.summary.emplace();
      for (auto& step : steps) h.summary->push_back(HandoffStep{step, 10, {}});
    }
    return h;
  };
  const auto byStep = handoffsByStep({handoff(5, {"/", "/checkout"}), handoff(4, {}),
                                      handoff(3, {"/checkout"}), handoff(2, {"/checkout", "/"}),
                                      handoff(1, {})});
  REQUIRE(byStep.size() == 3);
  CHECK(byStep[0].step == "/checkout");
  CHECK(byStep[0].asks == 2);
  CHECK(byStep[0].last_ms == 5);
  CHECK(byStep[1].step.empty());  // not shared: 2 asks, last at 4
  CHECK(byStep[1].last_ms == 4);
  CHECK(byStep[2].step == "/");
}

TEST_CASE("dashboard: an estimated kind at 0 reads as not detectable, with the step's margin") {
  using namespace friction::collector;
  // 1,000 randomized visits to a shop's /checkout at ln 3: 450 said they struggled with the form
  // (an estimate of 400), 200 said each other kind (fewer than chance: estimated below 0).
  VisitSums randomized;
  randomized.site = "shop";
  randomized.step = "/checkout";
  randomized.epsilon = 1.0986;
  randomized.visits = 1000;
  randomized.said_met.fill(200);
  randomized.said_met[static_cast<size_t>(FrictionKind::form_struggle)] = 450;
  VisitSums exact;  // another site, counted: nobody met anything
  exact.site = "blog";
  exact.step = "/";
  exact.visits = 10;
  DashboardData data;
  data.visits = visitShares({randomized, exact});
  REQUIRE(data.visits.size() == 2);
  const std::string page = renderDashboard(data);

  CHECK(page.find("<th scope=\"col\">Site</th>") != std::string::npos);
  CHECK(page.find("<td>shop</td><td><code>/checkout</code>") != std::string::npos);
  // 95 % margin: 1.96 x √(1000 x 0.1875) / 0.5 = 54 visits of 1,000, 5 %.
  CHECK(page.find("form struggle</span> 40% ±5%</li>") != std::string::npos);
  const size_t line = page.find("not detectable at this sample size (±5%): ");
  REQUIRE(line != std::string::npos);
  const std::string rest = page.substr(line, page.find("</li>", line) - line);
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    const std::string kind(kEnglishText.kinds[k]);
    CAPTURE(kind);
    CHECK((rest.find(">" + kind + "<") != std::string::npos) == (k != static_cast<size_t>(FrictionKind::form_struggle)));
    CHECK(page.find(kind + "</span> 0%") == std::string::npos);  // never shown as a plain 0
  }
  // The exact step that met nothing still says so.
  CHECK(page.find("<td>blog</td><td><code>/</code></td><td class=\"num\">10</td><td>none</td>") !=
        std::string::npos);
  CHECK(page.find("unclamped estimate and its standard error") != std::string::npos);
}

TEST_CASE("collector: a hand-off carrying more than a journey summary is refused, by field") {
  TempRoot root;
  RunningCollector collector(root);
  REQUIRE(collector.ready());
  auto client = collector.client();
  auto post = [&](const std::string& body) { return client.Post("/v1/handoff", body, "application/json"); };
  auto typed = post(R"({"v":1,"site":"demo-shop","summary":{"steps":[{"step":"/search?q=jane@example.com","seconds":3,"met":{}}]}})");
  CHECK(statusOf(typed) == 400);
  CHECK(errorOf(typed) == "summary.steps[0].step: must not contain a query or fragment");
  auto extra = post(R"({"v":1,"site":"demo-shop","summary":null,"email":"jane@example.com"})");
  CHECK(statusOf(extra) == 400);
  CHECK(errorOf(extra) == R"(request: unexpected key "email")");
  auto kinds = post(R"({"v":1,"site":"demo-shop","summary":{"steps":[{"step":"/","seconds":3,"met":{"angry":1}}]}})");
  CHECK(statusOf(kinds) == 400);
  CHECK(errorOf(kinds).rfind("summary.steps[0].met: ", 0) == 0);
  CHECK(statusOf(post("not json")) == 400);
  CHECK(query(root.db(), "SELECT COUNT(*) FROM handoffs")[0][0] == "0");
}
