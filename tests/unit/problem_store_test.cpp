// Problems (problems.h) as SignalStore rolls them up at intake and answers them: every figure is
// checked against SQL run by the test over the raw signals table, or against a count made here.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kit/test_batch_id.h"
#include "problem_store.h"
#include "sqlite_retention.h"
#include "signal_store.h"

namespace fs = std::filesystem;
using namespace friction;
using namespace friction::collector;

namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;
constexpr int64_t kD = 20400;  // 2025-11-08, the first day of the ranges below

int64_t at(int64_t day, int64_t hour = 12, int64_t ms = 0) {
  return day * kDay + hour * 3600 * 1000 + ms;
}

struct TempDb {
  fs::path path = fs::temp_directory_path() / ("friction-problems-test-" +
                                               std::to_string(getpid()) + "-" + testBatchId() +
                                               ".db");
  ~TempDb() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
  }
};

// A connection of the test's own, for the independent answers.
struct Sql {
  sqlite3* db = nullptr;
  explicit Sql(const fs::path& path) { REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK); }
  ~Sql() { sqlite3_close(db); }
  void run(const std::string& sql) {
    char* message = nullptr;
    const int result = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    CHECK_MESSAGE(result == SQLITE_OK, (message ? message : ""));
    sqlite3_free(message);
  }
  int64_t scalar(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK,
                    sqlite3_errmsg(db));
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const int64_t value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
  }
  std::string text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::string value;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* column = sqlite3_column_text(statement, sqlite3_column_count(statement) - 1);
      value += (column ? reinterpret_cast<const char*>(column) : "");
      value += "\n";
    }
    sqlite3_finalize(statement);
    return value;
  }
};

ReceivedSignal signal(std::string kind, std::string step, std::string target, uint32_t count = 1,
                      std::string role = "button") {
  return {std::move(kind), std::move(step), std::move(role), std::move(target), count, 0, 0, 0.5};
}

ReceivedBatch batchOf(std::vector<ReceivedSignal> signals, std::string site = "shop") {
  ReceivedBatch batch;
  batch.id = testBatchId();
  batch.site = std::move(site);
  batch.sdk = "0.1.0";
  batch.signals = std::move(signals);
  return batch;
}

std::unique_ptr<SignalStore> openStore(const TempDb& temp) {
  std::string error;
  auto store = SignalStore::open(temp.path.string(), error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

void store(SignalStore& store, const ReceivedBatch& batch, int64_t received_at_ms) {
  std::string error;
  REQUIRE_MESSAGE(store.storeBatch(batch, received_at_ms, error) == SignalStore::Stored::stored,
                  error);
}

// `n` batches of one signal each, an hour apart from `hour` on `day`.
void storeViews(SignalStore& s, const ReceivedSignal& one, int64_t day, int n, int64_t hour = 0,
                const std::string& site = "shop") {
  for (int i = 0; i < n; ++i) store(s, batchOf({one}, site), at(day, hour + i));
}

ProblemQuery range(int64_t from, int64_t to, int64_t k = 1) {
  ProblemQuery query;
  query.from_day = from;
  query.to_day = to;
  query.min_views = k;
  return query;
}

const Problem* find(const ProblemList& list, const std::string& kind, const std::string& target,
                    const std::string& site = "shop") {
  for (const auto& problem : list.problems)
    if (problem.kind == kind && problem.target == target && problem.site == site) return &problem;
  return nullptr;
}

// The page views, signals and events of a problem in [from, to) from the raw signals: one page
// view per batch, and the tests give every batch its own received_at.
std::string rawWhere(const std::string& kind, const std::string& target, int64_t from, int64_t to,
                     const std::string& site = "shop") {
  return " FROM signals WHERE site = '" + site + "' AND kind = '" + kind + "' AND target = '" +
         target + "' AND received_at >= " + std::to_string(from * kDay) +
         " AND received_at < " + std::to_string(to * kDay);
}

}  // namespace

TEST_CASE("problems: ranked by page views affected, not by signals") {
  TempDb temp;
  auto s = openStore(temp);
  // One page view with a storm of 20 rage clicks on one button...
  std::vector<ReceivedSignal> storm(20, signal("rage_click", "/cart", "aaaaaaaaaaaaaaaa", 3));
  store(*s, batchOf(storm), at(kD + 1));
  // ...against a dead link met once in each of 6 page views.
  storeViews(*s, signal("dead_click", "/cart", "bbbbbbbbbbbbbbbb"), kD + 2, 6);

  const auto list = s->problems(range(kD, kD + 7));
  REQUIRE(list.problems.size() == 2);
  CHECK(list.problems[0].kind == "dead_click");
  CHECK(list.problems[1].kind == "rage_click");
  Sql sql(temp.path);
  for (const auto& [kind, target] : {std::pair{"rage_click", "aaaaaaaaaaaaaaaa"},
                                     std::pair{"dead_click", "bbbbbbbbbbbbbbbb"}}) {
    const Problem* problem = find(list, kind, target);
    REQUIRE(problem);
    CHECK(problem->views == sql.scalar("SELECT COUNT(DISTINCT received_at)" +
                                       rawWhere(kind, target, kD, kD + 7)));
    CHECK(problem->signals == sql.scalar("SELECT COUNT(*)" + rawWhere(kind, target, kD, kD + 7)));
    CHECK(problem->events == sql.scalar("SELECT SUM(count)" + rawWhere(kind, target, kD, kD + 7)));
  }
  CHECK(list.problems[1].views == 1);
  CHECK(list.problems[1].signals == 20);
  CHECK(list.problems[1].events == 60);
}

TEST_CASE("problems: ties on page views go to more signals, then by name") {
  TempDb temp;
  auto s = openStore(temp);
  storeViews(*s, signal("dead_click", "/b", "1111111111111111"), kD, 2);
  storeViews(*s, signal("dead_click", "/a", "1111111111111111"), kD, 2);
  store(*s, batchOf({signal("rage_click", "/z", "2222222222222222"),
                     signal("rage_click", "/z", "2222222222222222")}), at(kD, 5));
  store(*s, batchOf({signal("rage_click", "/z", "2222222222222222")}), at(kD, 6));
  const auto list = s->problems(range(kD, kD + 1));
  REQUIRE(list.problems.size() == 3);
  CHECK(list.problems[0].step == "/z");  // 2 views, 3 signals
  CHECK(list.problems[1].step == "/a");  // 2 views, 2 signals, "/a" < "/b"
  CHECK(list.problems[2].step == "/b");
  // A limit cutting through a tie keeps the first by name.
  auto two = range(kD, kD + 1);
  two.limit = 2;
  const auto cut = s->problems(two);
  REQUIRE(cut.problems.size() == 2);
  CHECK(cut.problems[0].step == "/z");
  CHECK(cut.problems[1].step == "/a");
  CHECK(cut.hidden == 0);  // left out by the limit, not hidden
}

TEST_CASE("problems: daily page views of the range, previous period, first and last seen") {
  TempDb temp;
  auto s = openStore(temp);
  const auto problem = signal("form_struggle", "/checkout", "cccccccccccccccc", 2, "textbox");
  storeViews(*s, problem, kD - 8, 5);  // before the previous period: in first_seen only
  storeViews(*s, problem, kD - 7, 1);  // the previous period is [kD - 7, kD)
  storeViews(*s, problem, kD - 1, 2);
  storeViews(*s, problem, kD, 2);
  storeViews(*s, problem, kD + 3, 1);
  storeViews(*s, problem, kD + 6, 3);
  storeViews(*s, signal("form_struggle", "/checkout", "cccccccccccccccc", 2, "combobox"), kD + 7,
             4);  // after the range: in last_seen and the role only

  const auto list = s->problems(range(kD, kD + 7));
  REQUIRE(list.problems.size() == 1);
  const Problem& p = list.problems[0];
  CHECK(p.daily_views == std::vector<int64_t>{2, 0, 0, 1, 0, 0, 3});
  Sql sql(temp.path);
  const std::string kind = "form_struggle", target = "cccccccccccccccc";
  CHECK(p.views == sql.scalar("SELECT COUNT(DISTINCT received_at)" +
                              rawWhere(kind, target, kD, kD + 7)));
  CHECK(p.views == 6);
  CHECK(p.previous_views == sql.scalar("SELECT COUNT(DISTINCT received_at)" +
                                       rawWhere(kind, target, kD - 7, kD)));
  CHECK(p.previous_views == 3);
  CHECK(p.events == 12);
  CHECK(p.first_seen_ms == sql.scalar("SELECT MIN(received_at) FROM signals"));
  CHECK(p.last_seen_ms == sql.scalar("SELECT MAX(received_at) FROM signals"));
  CHECK(p.first_seen_ms == at(kD - 8, 0));
  CHECK(p.role == "combobox");  // the latest seen
  CHECK(p.trend == ProblemTrend::steady);  // 6 against 3: doubled, but within the noise
}

TEST_CASE("problems: trend rule, ratio and noise both") {
  CHECK(trendOf(3, 0) == ProblemTrend::new_problem);
  CHECK(trendOf(40, 10) == ProblemTrend::worse);   // ×4, +30 against 2·√50 ≈ 14
  CHECK(trendOf(10, 40) == ProblemTrend::better);
  CHECK(trendOf(6, 3) == ProblemTrend::steady);    // ×2 but +3 against 2·√9 = 6: noise
  CHECK(trendOf(3, 6) == ProblemTrend::steady);
  CHECK(trendOf(1100, 1000) == ProblemTrend::steady);  // beyond the noise, but only ×1.1
  CHECK(trendOf(1500, 1000) == ProblemTrend::worse);
  CHECK(trendOf(14, 10) == ProblemTrend::steady);  // below ×1.5
  CHECK(trendOf(0, 10) == ProblemTrend::better);   // gone: 10 > 2·√10 ≈ 6.3
}

TEST_CASE("problems: new, worse and steady as the store reports them") {
  TempDb temp;
  auto s = openStore(temp);
  const auto rising = signal("rage_click", "/a", "1111111111111111");
  const auto flat = signal("dead_click", "/a", "2222222222222222");
  const auto fresh = signal("error_click", "/a", "3333333333333333");
  storeViews(*s, rising, kD - 3, 3);
  storeViews(*s, rising, kD + 1, 20);
  storeViews(*s, flat, kD - 2, 8);
  storeViews(*s, flat, kD + 2, 9);
  storeViews(*s, fresh, kD + 3, 2);
  const auto list = s->problems(range(kD, kD + 7));
  REQUIRE(list.problems.size() == 3);
  CHECK(find(list, "rage_click", "1111111111111111")->trend == ProblemTrend::worse);
  CHECK(find(list, "dead_click", "2222222222222222")->trend == ProblemTrend::steady);
  CHECK(find(list, "error_click", "3333333333333333")->trend == ProblemTrend::new_problem);
}

TEST_CASE("problems: fewer page views than k are hidden and counted, never shown") {
  TempDb temp;
  auto s = openStore(temp);
  storeViews(*s, signal("dead_click", "/a", "1111111111111111"), kD, 5);
  storeViews(*s, signal("dead_click", "/b", "2222222222222222"), kD, 4);
  // Many signals, but one page view: hidden for all its signals.
  store(*s, batchOf(std::vector<ReceivedSignal>(9, signal("rage_click", "/c", "3333333333333333"))),
        at(kD, 20));
  // Busy in the previous period only: not a problem of the range at all.
  storeViews(*s, signal("dead_click", "/d", "4444444444444444"), kD - 1, 9);

  const auto list = s->problems(range(kD, kD + 1, 5));
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].step == "/a");
  CHECK(list.hidden == 2);
  CHECK(s->problems(range(kD, kD + 1, 4)).problems.size() == 2);
  CHECK(s->problems(range(kD, kD + 1, 6)).hidden == 3);

  ProblemQuery capped = range(kD, kD + 1, 1);
  capped.limit = 2;
  const auto top = s->problems(capped);
  REQUIRE(top.problems.size() == 2);
  CHECK(top.problems[0].step == "/a");
  CHECK(top.problems[1].step == "/b");
  CHECK(top.hidden == 0);
}

TEST_CASE("problems: filters by site, step and kind") {
  TempDb temp;
  auto s = openStore(temp);
  storeViews(*s, signal("dead_click", "/a", "1111111111111111"), kD, 3, 0, "shop");
  storeViews(*s, signal("dead_click", "/a", "1111111111111111"), kD, 2, 0, "blog");
  storeViews(*s, signal("rage_click", "/a", "1111111111111111"), kD, 4, 0, "shop");
  storeViews(*s, signal("dead_click", "/b", "2222222222222222"), kD, 5, 0, "shop");

  ProblemQuery query = range(kD, kD + 1);
  query.site = "blog";
  auto list = s->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 2);

  query.site = "shop";
  query.kind = "dead_click";
  list = s->problems(query);
  REQUIRE(list.problems.size() == 2);
  CHECK(list.problems[0].step == "/b");
  CHECK(list.problems[1].step == "/a");
  CHECK(list.problems[1].views == 3);

  query.step = "/a";
  list = s->problems(query);
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].views == 3);

  query.site.clear();
  list = s->problems(query);
  CHECK(list.problems.size() == 2);  // /a dead_click on shop and on blog

  query.kind = "rage_click";
  query.site = "blog";
  CHECK(s->problems(query).problems.empty());
}

TEST_CASE("problems: a retried batch adds nothing to the rollup") {
  TempDb temp;
  auto s = openStore(temp);
  const auto batch = batchOf({signal("dead_click", "/a", "1111111111111111", 2),
                              signal("dead_click", "/a", "1111111111111111", 1),
                              signal("rage_click", "/a", "2222222222222222", 5)});
  store(*s, batch, at(kD));
  std::string error;
  CHECK(s->storeBatch(batch, at(kD, 13), error) == SignalStore::Stored::duplicate);
  auto list = s->problems(range(kD, kD + 1));
  const Problem* dead = find(list, "dead_click", "1111111111111111");
  REQUIRE(dead);
  CHECK(dead->views == 1);  // two signals of one problem in one batch: one page view
  CHECK(dead->signals == 2);
  CHECK(dead->events == 3);
  CHECK(dead->last_seen_ms == at(kD));
  Sql sql(temp.path);
  CHECK(sql.scalar("SELECT SUM(views) FROM problem_days") == 2);
  CHECK(sql.scalar("SELECT SUM(signals) FROM problem_days") ==
        sql.scalar("SELECT COUNT(*) FROM signals"));
  // Another batch, three signals of the problem: one page view more, added to the day's row.
  store(*s, batchOf(std::vector<ReceivedSignal>(3, signal("dead_click", "/a", "1111111111111111"))),
        at(kD, 14));
  list = s->problems(range(kD, kD + 1));
  dead = find(list, "dead_click", "1111111111111111");
  REQUIRE(dead);
  CHECK(dead->views == 2);
  CHECK(dead->signals == 5);
  CHECK(dead->last_seen_ms == at(kD, 14));
}

TEST_CASE("problems: a database of schema 4 gets its problems from the signals it holds") {
  TempDb temp;
  {
    auto s = openStore(temp);  // today's schema, then taken back to step 4 as it was
  }
  {
    Sql sql(temp.path);
    sql.run("DROP TABLE problem_days; DROP TABLE problems; PRAGMA user_version = 4;"
            "ALTER TABLE batches DROP COLUMN pointer; ALTER TABLE batches DROP COLUMN width;");
    // Two batches (received_at 1 and 2) hold the problem on day kD, one more on kD + 1; the
    // role changed in the later batch of day kD.
    const std::string t1 = std::to_string(at(kD, 1)), t2 = std::to_string(at(kD, 2)),
                      t3 = std::to_string(at(kD + 1, 1));
    sql.run("INSERT INTO signals (received_at, site, kind, step, role, target, count, at_s, "
            "span_ms, score) VALUES "
            "(" + t1 + ", 'shop', 'dead_click', '/a', 'link', '1111111111111111', 1, 0, 0, 0.3),"
            "(" + t1 + ", 'shop', 'dead_click', '/a', 'link', '1111111111111111', 2, 0, 0, 0.3),"
            "(" + t2 + ", 'shop', 'dead_click', '/a', 'button', '1111111111111111', 1, 0, 0, 0.3),"
            "(" + t3 + ", 'shop', 'dead_click', '/a', 'link', '1111111111111111', 4, 0, 0, 0.3),"
            "(" + t3 +
            ", 'blog', 'rage_click', '/b', 'button', '2222222222222222', 3, 0, 0, 0.6);");
  }
  auto s = openStore(temp);
  Sql sql(temp.path);
  CHECK(sql.scalar("PRAGMA user_version") == 10);
  const auto list = s->problems(range(kD, kD + 2));
  REQUIRE(list.problems.size() == 2);
  const Problem& p = list.problems[0];
  CHECK(p.target == "1111111111111111");
  CHECK(p.views == sql.scalar("SELECT COUNT(DISTINCT received_at)" +
                              rawWhere("dead_click", "1111111111111111", kD, kD + 2)));
  CHECK(p.views == 3);
  CHECK(p.signals == 4);
  CHECK(p.events == 8);
  CHECK(p.daily_views == std::vector<int64_t>{2, 1});
  CHECK(p.role == "link");  // day kD + 1's
  CHECK(sql.text("SELECT role FROM problems WHERE site = 'shop'") == "link\n");
  CHECK(p.first_seen_ms == at(kD, 1));
  CHECK(p.last_seen_ms == at(kD + 1, 1));
  // And intake adds to the backfilled rows.
  store(*s, batchOf({signal("dead_click", "/a", "1111111111111111")}), at(kD + 1, 9));
  CHECK(s->problems(range(kD, kD + 2)).problems[0].daily_views == std::vector<int64_t>{2, 2});
}

TEST_CASE("problems: a database of schema 5 keeps its problem days, named once") {
  TempDb temp;
  {
    auto s = openStore(temp);  // today's schema, then taken back to step 5 as it was
  }
  {
    Sql sql(temp.path);
    sql.run("DROP TABLE problem_days; DROP TABLE problems; PRAGMA user_version = 5;"
            "ALTER TABLE batches DROP COLUMN pointer; ALTER TABLE batches DROP COLUMN width;"
            "CREATE TABLE problem_days (day INTEGER NOT NULL, site TEXT NOT NULL, "
            "step TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, role TEXT NOT NULL, "
            "views INTEGER NOT NULL, signals INTEGER NOT NULL, events INTEGER NOT NULL, "
            "first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, "
            "PRIMARY KEY (day, site, step, kind, target)) WITHOUT ROWID;"
            "CREATE INDEX problem_days_by_site_day ON problem_days "
            "(site, day, views, signals, events);"
            "CREATE INDEX problem_days_by_problem ON problem_days "
            "(site, step, kind, target, day);");
    const auto row = [](int64_t day, const std::string& site, const std::string& kind,
                        const std::string& target, const std::string& role, int views,
                        int signals, int events, int64_t first, int64_t last) {
      return "(" + std::to_string(day) + ", '" + site + "', '/a', '" + kind + "', '" + target +
             "', '" + role + "', " + std::to_string(views) + ", " + std::to_string(signals) +
             ", " + std::to_string(events) + ", " + std::to_string(first) + ", " +
             std::to_string(last) + ")";
    };
    sql.run("INSERT INTO problem_days (day, site, step, kind, target, role, views, signals, "
            "events, first_seen, last_seen) VALUES " +
            row(kD, "shop", "dead_click", "1111111111111111", "link", 3, 4, 6, at(kD, 1),
                at(kD, 9)) + ", " +
            row(kD + 2, "shop", "dead_click", "1111111111111111", "button", 5, 5, 7,
                at(kD + 2, 3), at(kD + 2, 4)) + ", " +
            row(kD + 1, "blog", "dead_click", "1111111111111111", "link", 6, 8, 9, at(kD + 1),
                at(kD + 1, 20)) + ", " +
            row(kD - 1, "shop", "rage_click", "2222222222222222", "button", 2, 2, 2,
                at(kD - 1), at(kD - 1, 1)));
  }
  auto s = openStore(temp);
  Sql sql(temp.path);
  CHECK(sql.scalar("PRAGMA user_version") == 10);
  CHECK(sql.scalar("SELECT COUNT(*) FROM problems") == 3);  // the two sites' named apart
  CHECK(sql.scalar("SELECT COUNT(*) FROM problem_days") == 4);
  const auto list = s->problems(range(kD, kD + 3));
  REQUIRE(list.problems.size() == 2);
  const Problem* shop = find(list, "dead_click", "1111111111111111");
  REQUIRE(shop);
  CHECK(shop->views == 8);
  CHECK(shop->signals == 9);
  CHECK(shop->events == 13);
  CHECK(shop->daily_views == std::vector<int64_t>{3, 0, 5});
  CHECK(shop->role == "button");  // the latest day's
  CHECK(shop->first_seen_ms == at(kD, 1));
  CHECK(shop->last_seen_ms == at(kD + 2, 4));
  const Problem* blog = find(list, "dead_click", "1111111111111111", "blog");
  REQUIRE(blog);
  CHECK(blog->daily_views == std::vector<int64_t>{0, 6, 0});
  // The day before the range is the previous period's.
  const auto rage = s->problems(range(kD, kD + 1));
  CHECK(rage.problems.size() == 1);
  CHECK(s->problems(range(kD - 1, kD)).problems.at(0).target == "2222222222222222");
  // Intake adds to the migrated rows, under the same problem.
  store(*s, batchOf({signal("dead_click", "/a", "1111111111111111", 2, "link")}), at(kD + 2, 9));
  CHECK(sql.scalar("SELECT COUNT(*) FROM problems") == 3);
  const auto after = s->problems(range(kD, kD + 3));
  shop = find(after, "dead_click", "1111111111111111");
  REQUIRE(shop);
  CHECK(shop->daily_views == std::vector<int64_t>{3, 0, 6});
  CHECK(shop->events == 15);
  CHECK(shop->role == "link");
  CHECK(shop->last_seen_ms == at(kD + 2, 9));
}

TEST_CASE("problems: the day reads are one range scan of integer rows, the filters a search") {
  TempDb temp;
  auto s = openStore(temp);
  Sql sql(temp.path);
  const std::string days = sql.text("EXPLAIN QUERY PLAN " + problemDaysSql());
  const std::string site = sql.text("EXPLAIN QUERY PLAN " + problemIdsSql(true));
  MESSAGE("days: " << days << "one site's problems: " << site);
  CHECK(days.find("SEARCH problem_days USING PRIMARY KEY (day>? AND day<?)") != std::string::npos);
  CHECK(days.find("SCAN") == std::string::npos);
  CHECK(site.find("SEARCH problems USING COVERING INDEX sqlite_autoindex_problems_1 (site=?)") !=
        std::string::npos);
}

TEST_CASE("problems: retention deletes problem days older than the cutoff's day") {
  TempDb temp;
  auto s = openStore(temp);
  const auto problem = signal("dead_click", "/a", "1111111111111111");
  storeViews(*s, problem, kD - 10, 1);
  storeViews(*s, problem, kD - 1, 1, 23);
  storeViews(*s, problem, kD, 1, 1);
  storeViews(*s, problem, kD, 1, 20);
  Sql sql(temp.path);
  std::string error;
  CHECK(deleteStoredBefore(sql.db, at(kD, 6), error) >= 0);
  CHECK(sql.text("SELECT day - " + std::to_string(kD) + " FROM problem_days ORDER BY day") ==
        "0\n");
  // The day of the cutoff stays whole, even its views from before the cutoff's hour.
  CHECK(sql.scalar("SELECT views FROM problem_days") == 2);
  CHECK(sql.scalar("SELECT COUNT(*) FROM problems") == 1);
  // A problem goes with its last day; one seen on the cutoff's day stays.
  storeViews(*s, signal("rage_click", "/b", "2222222222222222"), kD - 3, 2);
  CHECK(sql.scalar("SELECT COUNT(*) FROM problems") == 2);
  CHECK(deleteStoredBefore(sql.db, at(kD, 6), error) >= 0);
  CHECK(sql.text("SELECT kind FROM problems") == "dead_click\n");
  CHECK(s->problems(range(kD - 3, kD + 1)).problems.size() == 1);
}

TEST_CASE("problems: a day read by a view is read again after a batch or retention changes it") {
  TempDb temp;
  auto s = openStore(temp);
  const auto problem = signal("dead_click", "/a", "1111111111111111");
  storeViews(*s, problem, kD - 1, 2);
  storeViews(*s, problem, kD, 3);
  CHECK(s->problems(range(kD - 1, kD + 1)).problems.at(0).daily_views ==
        std::vector<int64_t>{2, 3});
  storeViews(*s, problem, kD - 1, 1, 12);  // a day the view has read
  CHECK(s->problems(range(kD - 1, kD + 1)).problems.at(0).daily_views ==
        std::vector<int64_t>{3, 3});
  Sql sql(temp.path);
  std::string error;
  CHECK(deleteStoredBefore(sql.db, at(kD), error) >= 0);  // on a connection of its own
  CHECK(s->problems(range(kD - 1, kD + 1)).problems.at(0).daily_views ==
        std::vector<int64_t>{0, 3});
  CHECK(deleteStoredBefore(sql.db, at(kD + 1), error) >= 0);
  CHECK(s->problems(range(kD - 1, kD + 1)).problems.empty());
}
