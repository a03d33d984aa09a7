// Issue 14 at the collector: first marks, element names and device classes read at intake,
// page views counted from first marks (once per batch for v1 batches), the latest name shown,
// and the device filters, with k-suppression on the filtered groups.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dashboard_text.h"
#include "intake/batch_reader.h"
#include "kit/test_batch_id.h"
#include "problem_query_params.h"
#include "problems_request.h"
#include "problems_section.h"
#include "signal_store.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;

namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;
constexpr int64_t kD = 20400;
constexpr const char* kTarget = "0123456789abcdef";

nlohmann::json v2Batch() {
  return {{"v", 2},
          {"id", testBatchId()},
          {"site", "shop"},
          {"sdk", "0.2.0"},
          {"dropped", 0},
          {"pointer", "touch"},
          {"width", "narrow"},
          {"signals",
           {{{"kind", "rage_click"}, {"step", "/cart"}, {"role", "button"}, {"target", kTarget},
             {"count", 4}, {"at_s", 10}, {"span_ms", 700}, {"score", 0.6}, {"first", true},
             {"name", "apply-coupon"}}}},
          {"visits", nlohmann::json::array()}};
}

// Why the reader refuses the batch or its first signal; "" if it takes all of it.
std::string refusal(const nlohmann::json& batch) {
  ReceivedBatch out;
  std::string error;
  return readBatchJson(batch.dump(), out, error) ? out.first_refusal : error;
}

struct TempDb {
  fs::path path = fs::temp_directory_path() /
                  ("friction-detail-test-" + std::to_string(getpid()) + "-" + testBatchId() + ".db");
  ~TempDb() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
  }
};

std::unique_ptr<SignalStore> openStore(const TempDb& temp) {
  std::string error;
  auto store = SignalStore::open(temp.path.string(), error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

ReceivedSignal rage(bool first, std::string name = "", std::string target = kTarget) {
  ReceivedSignal s{"rage_click", "/cart", "button", std::move(target), 4, 10, 700, 0.6};
  s.first = first;
  s.name = std::move(name);
  return s;
}

ReceivedBatch batchOf(uint32_t version, std::vector<ReceivedSignal> signals,
                      std::string pointer = "", std::string width = "") {
  ReceivedBatch batch;
  batch.id = testBatchId();
  batch.site = "shop";
  batch.sdk = version >= 2 ? "0.2.0" : "0.1.0";
  batch.version = version;
  batch.pointer = std::move(pointer);
  batch.width = std::move(width);
  batch.signals = std::move(signals);
  return batch;
}

void store(SignalStore& s, const ReceivedBatch& batch, int64_t at_ms) {
  std::string error;
  REQUIRE_MESSAGE(s.storeBatch(batch, at_ms, error) == SignalStore::Stored::stored, error);
}

ProblemQuery dayOf(int64_t day, int64_t k = 1) {
  ProblemQuery query;
  query.from_day = day;
  query.to_day = day + 1;
  query.min_views = k;
  return query;
}

}  // namespace

TEST_CASE("intake: v2 fields are read, and optional") {
  ReceivedBatch out;
  std::string error;
  REQUIRE_MESSAGE(readBatchJson(v2Batch().dump(), out, error), error);
  CHECK(out.version == 2);
  CHECK(out.pointer == "touch");
  CHECK(out.width == "narrow");
  REQUIRE(out.signals.size() == 1);
  CHECK(out.signals[0].first);
  CHECK(out.signals[0].name == "apply-coupon");

  auto bare = v2Batch();
  bare.erase("pointer");
  bare.erase("width");
  bare["signals"][0].erase("first");
  bare["signals"][0].erase("name");
  REQUIRE_MESSAGE(readBatchJson(bare.dump(), out, error), error);
  CHECK(out.pointer.empty());
  CHECK_FALSE(out.signals[0].first);
  CHECK(out.signals[0].name.empty());

  auto v1 = bare;
  v1["v"] = 1;  // an older SDK's batch
  REQUIRE_MESSAGE(readBatchJson(v1.dump(), out, error), error);
  CHECK(out.version == 1);
}

TEST_CASE("intake: bad names, marks and device classes are refused, naming the field") {
  auto batch = v2Batch();
  batch["signals"][0]["name"] = "call 06 12 34 56 78";
  CHECK(refusal(batch) ==
        "signals[0].name: must not contain personal data (an email, card, phone number or IBAN)");
  batch["signals"][0]["name"] = "<b>coupon</b>";
  CHECK(refusal(batch) == "signals[0].name: must be 1..64 characters of [A-Za-z0-9 -_.:/]");
  batch["signals"][0]["name"] = std::string(65, 'a');
  CHECK(refusal(batch) == "signals[0].name: must be 1..64 characters of [A-Za-z0-9 -_.:/]");
  batch["signals"][0]["name"] = "";
  CHECK(refusal(batch) == "signals[0].name: must be 1..64 characters of [A-Za-z0-9 -_.:/]");
  batch["signals"][0]["name"] = "order 12345678";
  CHECK(refusal(batch) == "signals[0].name: must not contain an identifier-like word (an id, a token)");
  batch["signals"][0]["name"] = 7;
  CHECK(refusal(batch) == "signals[0].name: must be a string");

  batch = v2Batch();
  batch["signals"][0]["first"] = false;
  CHECK(refusal(batch) == "signals[0].first: must be true when present");
  batch["signals"][0]["first"] = 1;
  CHECK(refusal(batch) == "signals[0].first: must be true when present");

  batch = v2Batch();
  batch["pointer"] = "pen";
  CHECK(refusal(batch) == "pointer: must be one of \"touch\", \"mouse\"");
  batch = v2Batch();
  batch["width"] = 1280;
  CHECK(refusal(batch) == "width: must be a string");
  batch = v2Batch();
  batch["width"] = "huge";
  CHECK(refusal(batch) == "width: must be one of \"narrow\", \"medium\", \"wide\"");

  // A device class with tallies alone is not what the SDK sends (it is promised with signals).
  batch = v2Batch();
  batch["signals"] = nlohmann::json::array();
  batch["visits"] = {{{"step", "/cart"}, {"met", nlohmann::json::array()}}};
  CHECK(refusal(batch) == "pointer: must be absent from a batch without signals");
  batch.erase("pointer");
  CHECK(refusal(batch) == "width: must be absent from a batch without signals");
}

TEST_CASE("rollup: a problem's page views are its first marks, whatever the batches") {
  TempDb temp;
  auto s = openStore(temp);
  // One page view over three batches: first, then two repeats. A second page view: first.
  store(*s, batchOf(2, {rage(true)}, "mouse", "wide"), kD * kDay + 1000);
  store(*s, batchOf(2, {rage(false)}, "mouse", "wide"), kD * kDay + 2000);
  store(*s, batchOf(2, {rage(false), rage(false)}, "mouse", "wide"), kD * kDay + 3000);
  store(*s, batchOf(2, {rage(true), rage(false)}, "mouse", "wide"), kD * kDay + 4000);
  auto list = s->problems(dayOf(kD));
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 2);
  CHECK(list.problems[0].signals == 6);
  CHECK(list.problems[0].daily_views == std::vector<int64_t>{2});

  // v1 batches (no marks): once per batch, as before, marks or not.
  store(*s, batchOf(1, {rage(false), rage(false)}), kD * kDay + 5000);
  store(*s, batchOf(1, {rage(true)}), kD * kDay + 6000);
  list = s->problems(dayOf(kD));
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 4);
  CHECK(list.problems[0].signals == 9);
}

TEST_CASE("rollup: a problem shows the latest name seen; a batch without one keeps it") {
  TempDb temp;
  auto s = openStore(temp);
  store(*s, batchOf(2, {rage(true)}), kD * kDay + 1000);
  auto list = s->problems(dayOf(kD));
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].name.empty());
  store(*s, batchOf(2, {rage(true, "coupon")}), kD * kDay + 2000);
  store(*s, batchOf(2, {rage(true, "apply-coupon")}), kD * kDay + 3000);
  store(*s, batchOf(2, {rage(true)}), kD * kDay + 4000);
  list = s->problems(dayOf(kD));
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].name == "apply-coupon");

  // The dashboard shows the name instead of role and hash, as text.
  const std::string html = renderProblemsSection(list, kEnglishText);
  CHECK(html.find(">apply-coupon</span>") != std::string::npos);
  CHECK(html.find("<code class=\"hash\"") == std::string::npos);
}

TEST_CASE("device filters: views of one class only, k applied to the filtered group") {
  TempDb temp;
  auto s = openStore(temp);
  int64_t t = kD * kDay;
  // 6 page views on touch/narrow, 3 on mouse/wide, 2 from an older SDK (unknown).
  for (int i = 0; i < 6; ++i) store(*s, batchOf(2, {rage(true)}, "touch", "narrow"), t += 1000);
  for (int i = 0; i < 3; ++i) store(*s, batchOf(2, {rage(true)}, "mouse", "wide"), t += 1000);
  for (int i = 0; i < 2; ++i) store(*s, batchOf(1, {rage(false)}), t += 1000);

  auto query = dayOf(kD, 5);
  auto list = s->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 11);
  CHECK(list.problems[0].daily_views == std::vector<int64_t>{11});

  query.pointer = "touch";
  list = s->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 6);
  query.width = "narrow";
  CHECK(s->problems(query).problems.at(0).views == 6);
  query.width = "wide";  // touch and wide: nothing
  list = s->problems(query);
  CHECK(list.problems.empty());
  CHECK(list.hidden == 0);

  // 3 page views on a mouse: under k = 5, hidden and counted, never shown.
  query.pointer = "mouse";
  query.width = "";
  list = s->problems(query);
  CHECK(list.problems.empty());
  CHECK(list.hidden == 1);
  query.min_views = 3;
  list = s->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 3);

  query.pointer = "unknown";
  query.min_views = 1;
  list = s->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 2);
}

TEST_CASE("device filters: read from the URL, kept in export links, refused when unknown") {
  QueryParams params{{"pointer", "touch"}, {"width", "narrow"}};
  auto read = readProblemQuery(params, kD * kDay);
  CHECK(read.query.pointer == "touch");
  CHECK(read.query.width == "narrow");
  CHECK(read.ignored.empty());
  CHECK(problemQueryString(read.query).find("&pointer=touch&width=narrow") != std::string::npos);

  read = readProblemQuery({{"pointer", "pen"}, {"width", "huge"}}, kD * kDay);
  CHECK(read.query.pointer.empty());
  CHECK(read.query.width.empty());
  CHECK(read.ignored == std::vector<std::string>{"pointer", "width"});

  // The form offers them, in French too.
  ProblemList list;
  list.query = readProblemQuery(params, kD * kDay).query;
  const std::string en = renderProblemsSection(list, kEnglishText);
  CHECK(en.find("<option value=\"touch\" selected>touch</option>") != std::string::npos);
  CHECK(en.find("name=\"width\"") != std::string::npos);
  const std::string fr = renderProblemsSection(list, kFrenchText);
  CHECK(fr.find("<option value=\"touch\" selected>tactile</option>") != std::string::npos);
  CHECK(fr.find("Largeur d’écran") != std::string::npos);
}

TEST_CASE("device filters on /v1/problems: an unknown class is a 400 naming the parameter") {
  ProblemsRequest request;
  std::string parameter, error;
  CHECK(readProblemsRequest({{"pointer", "touch"}, {"width", "unknown"}}, kD, request, parameter,
                            error));
  CHECK(request.query.pointer == "touch");
  CHECK(request.query.width == "unknown");
  CHECK_FALSE(readProblemsRequest({{"pointer", "pen"}}, kD, request, parameter, error));
  CHECK(parameter == "pointer");
  CHECK(error == "pointer: must be touch, mouse or unknown");
  CHECK_FALSE(readProblemsRequest({{"width", "1280"}}, kD, request, parameter, error));
  CHECK(error == "width: must be narrow, medium, wide or unknown");
}
