// Why, as the collector keeps and shows it (issue 16): signals per cause, per problem, over the
// range and device class asked, causes under k left out like small problems; in /v1/problems'
// JSON and CSV and in the problem's cell, in English and French. (The ClickHouse engine gives the
// same answers: tests/clickhouse/storage_parity_test.cpp.)
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dashboard_text.h"
#include "kit/test_batch_id.h"
#include "problems_json.h"
#include "problems_section.h"
#include "sqlite_storage.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;

namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;
constexpr int64_t kD = 20400;
constexpr const char* kPostcode = "00000000000000aa";
constexpr const char* kPay = "00000000000000bb";

struct TempDb {
  fs::path path = fs::temp_directory_path() / ("friction-causes-test-" +
                                               std::to_string(getpid()) + "-" + testBatchId() +
                                               ".db");
  ~TempDb() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
  }
};

int64_t scalar(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK,
                  sqlite3_errmsg(db));
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  const int64_t value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

void run(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  CHECK_MESSAGE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK,
                (message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
}

// One page view's signal on the postcode field, with its cause ("" for none).
ReceivedSignal formStruggle(const std::string& cause, const char* target = kPostcode) {
  ReceivedSignal s{"form_struggle", "/checkout", "textbox", target, 3, 20, 4500, 0.7, true,
                   "postcode"};
  s.cause = cause;
  return s;
}

ReceivedBatch batchOf(std::vector<ReceivedSignal> signals, std::string pointer = "mouse") {
  ReceivedBatch batch;
  batch.id = testBatchId();
  batch.site = "shop";
  batch.sdk = "0.2.0";
  batch.version = 2;
  batch.pointer = std::move(pointer);
  batch.width = "wide";
  batch.signals = std::move(signals);
  return batch;
}

void store(Storage& storage, const ReceivedBatch& batch, int64_t at_ms) {
  std::string error;
  REQUIRE_MESSAGE(storage.storeBatch(batch, at_ms, error) == Stored::stored, error);
}

// n page views, each its own batch, an hour apart on `day`.
void storeViews(Storage& storage, const std::string& cause, int n, int64_t day,
                const std::string& pointer = "mouse") {
  for (int i = 0; i < n; ++i)
    store(storage, batchOf({formStruggle(cause)}, pointer), day * kDay + (i + 1) * 3600 * 1000);
}

ProblemQuery range(int64_t from, int64_t to, int64_t k) {
  ProblemQuery query;
  query.from_day = from;
  query.to_day = to;
  query.min_views = k;
  return query;
}

// A copy: the list is often a temporary.
Problem only(const ProblemList& list, const std::string& kind = "form_struggle") {
  const Problem* found = nullptr;
  for (const auto& problem : list.problems)
    if (problem.kind == kind) found = &problem;
  REQUIRE(found);
  return *found;
}

std::unique_ptr<SqliteStorage> open(const TempDb& temp) {
  std::string error;
  auto storage = SqliteStorage::open(temp.path.string(), error);
  REQUIRE_MESSAGE(storage, error);
  return storage;
}

// On day kD: 6 validation loops and 2 rejected submits on mouse, 3 abandonments on touch, 2
// signals without a cause; on kD - 1, 9 re-entries (outside the range asked below).
std::unique_ptr<SqliteStorage> seeded(const TempDb& temp) {
  auto storage = open(temp);
  storeViews(*storage, "validation_loop", 6, kD);
  storeViews(*storage, "rejected_submit", 2, kD);
  storeViews(*storage, "abandonment", 3, kD, "touch");
  storeViews(*storage, "", 2, kD);
  storeViews(*storage, "re_entry", 9, kD - 1);
  // Another kind on another element: no causes.
  ReceivedSignal rage{"rage_click", "/checkout", "button", kPay, 4, 10, 700, 0.9, true};
  for (int i = 0; i < 5; ++i) store(*storage, batchOf({rage}), kD * kDay + i * 60000);
  return storage;
}

}  // namespace

TEST_CASE("causes kept: signals per cause over the range, in the causes' order") {
  TempDb temp;
  auto storage = seeded(temp);
  const Problem postcode = only(storage->problems(range(kD, kD + 1, 1)));
  CHECK(postcode.signals == 13);
  REQUIRE(postcode.causes.size() == 3);
  CHECK(postcode.causes[0].cause == "validation_loop");
  CHECK(postcode.causes[0].signals == 6);
  CHECK(postcode.causes[1].cause == "rejected_submit");
  CHECK(postcode.causes[1].signals == 2);
  CHECK(postcode.causes[2].cause == "abandonment");
  CHECK(postcode.causes[2].signals == 3);
  // The day before, alone: only its re-entries.
  const Problem before = only(storage->problems(range(kD - 1, kD, 1)));
  REQUIRE(before.causes.size() == 1);
  CHECK(before.causes[0].cause == "re_entry");
  CHECK(before.causes[0].signals == 9);
  // A kind without causes has none.
  CHECK(only(storage->problems(range(kD, kD + 1, 1)), "rage_click").causes.empty());
}

TEST_CASE("causes kept: a cause told fewer than k times is left out, as a small problem is") {
  TempDb temp;
  auto storage = seeded(temp);
  const Problem postcode = only(storage->problems(range(kD, kD + 1, 5)));
  REQUIRE(postcode.causes.size() == 1);
  CHECK(postcode.causes[0].cause == "validation_loop");
  CHECK(postcode.causes[0].signals == 6);
  CHECK(only(storage->problems(range(kD, kD + 1, 7))).causes.empty());
}

TEST_CASE("causes kept: the device filter narrows them as it narrows the page views") {
  TempDb temp;
  auto storage = seeded(temp);
  ProblemQuery touch = range(kD, kD + 1, 1);
  touch.pointer = "touch";
  const Problem on_touch = only(storage->problems(touch));
  CHECK(on_touch.views == 3);
  REQUIRE(on_touch.causes.size() == 1);
  CHECK(on_touch.causes[0].cause == "abandonment");
  ProblemQuery mouse = range(kD, kD + 1, 1);
  mouse.pointer = "mouse";
  const Problem on_mouse = only(storage->problems(mouse));
  REQUIRE(on_mouse.causes.size() == 2);
  CHECK(on_mouse.causes[0].signals + on_mouse.causes[1].signals == 8);
}

TEST_CASE("causes kept: a retried batch counts once, and retention takes old days") {
  TempDb temp;
  auto storage = open(temp);
  const ReceivedBatch batch = batchOf({formStruggle("re_entry"), formStruggle("re_entry")});
  store(*storage, batch, kD * kDay + 1000);
  std::string error;
  CHECK(storage->storeBatch(batch, kD * kDay + 2000, error) == Stored::duplicate);
  CHECK(only(storage->problems(range(kD, kD + 1, 1))).causes.at(0).signals == 2);
  CHECK(scalar(temp.path, "SELECT SUM(signals) FROM problem_cause_days") == 2);
  CHECK(storage->deleteStoredBefore((kD + 2) * kDay, error) >= 0);
  CHECK(scalar(temp.path, "SELECT COUNT(*) FROM problem_cause_days") == 0);
}

TEST_CASE("causes kept: a database of schema 9 gets the table and keeps its problems") {
  TempDb temp;
  {
    auto storage = open(temp);
    storeViews(*storage, "", 2, kD);
  }
  run(temp.path, "DROP TABLE problem_cause_days; PRAGMA user_version = 9;");
  auto storage = open(temp);
  CHECK(scalar(temp.path, "PRAGMA user_version") == 10);
  storeViews(*storage, "abandonment", 1, kD);
  const Problem postcode = only(storage->problems(range(kD, kD + 1, 1)));
  CHECK(postcode.views == 3);
  REQUIRE(postcode.causes.size() == 1);
  CHECK(postcode.causes[0].signals == 1);
}

TEST_CASE("causes shown: /v1/problems JSON and CSV carry them, {} and \"\" for other kinds") {
  TempDb temp;
  auto storage = seeded(temp);
  const ProblemList list = storage->problems(range(kD, kD + 1, 5));
  const auto json = nlohmann::json::parse(problemsJson(list));
  for (const auto& problem : json.at("problems")) {
    if (problem.at("kind") == "form_struggle")
      CHECK(problem.at("causes") == nlohmann::json{{"validation_loop", 6}});
    else
      CHECK(problem.at("causes") == nlohmann::json::object());
  }
  const std::string csv = problemsCsv(list);
  CHECK(csv.substr(0, csv.find("\r\n")).rfind(",name,causes") != std::string::npos);
  CHECK(csv.find(",postcode,validation_loop:6\r\n") != std::string::npos);
  CHECK(csv.find(",,\r\n") != std::string::npos);  // the rage click: no name, no causes
}

TEST_CASE("causes shown: the problem's cell says why, in English and in French") {
  TempDb temp;
  auto storage = seeded(temp);
  const ProblemList list = storage->problems(range(kD, kD + 1, 1));
  const std::string en = renderProblemsSection(list, kEnglishText);
  CHECK(en.find("<span class=\"causes\"><span class=\"causes-label\">Why:</span> "
                "<span class=\"cause\" data-cause=\"validation_loop\">validation loops: 6</span>, "
                "<span class=\"cause\" data-cause=\"rejected_submit\">rejected submits: 2</span>, "
                "<span class=\"cause\" data-cause=\"abandonment\">abandonments: 3</span></span>") !=
        std::string::npos);
  const std::string fr = renderProblemsSection(list, kFrenchText);
  CHECK(fr.find("Pourquoi\u00a0:") != std::string::npos);
  CHECK(fr.find("boucles de validation\u00a0: 6") != std::string::npos);
  CHECK(fr.find("envois refusés\u00a0: 2") != std::string::npos);
  // One "causes" span: the rage click's row has none.
  CHECK(en.find("class=\"causes\"") == en.rfind("class=\"causes\""));
  // Under k, the cause is not shown at all.
  const std::string k5 =
      renderProblemsSection(storage->problems(range(kD, kD + 1, 5)), kEnglishText);
  CHECK(k5.find("validation loops: 6") != std::string::npos);
  CHECK(k5.find("rejected submits") == std::string::npos);
  CHECK(k5.find("abandonments") == std::string::npos);
}
