// How fast the problems view answers from the day rollups (problem_store.h), against the same
// answer computed from the raw signals table. Two synthetic databases, one stream each:
//   A: 300,000 signals, stored both raw and rolled up: the query against a scan of the raw
//      signals (ratio), and the two answers compared.
//   B: 4,000,000 signals' worth of rollups only (raw rows that many would take minutes to
//      insert): the query's p50/p95 at that size.
// The databases: tests/bench/synthetic_problems.h.
// The defaults keep a run near a minute on 2 cores; the size is
//   problems_bench 500000 10000000 200   (about 2 minutes: ~1 M problem days)
// Usage: problems_bench [RAW_SIGNALS [ROLLUP_SIGNALS [QUERIES]]].
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "problem_store.h"
#include "synthetic_problems.h"
#include "signal_store.h"
#include "utc_day.h"

namespace fs = std::filesystem;
using namespace friction::collector;
using namespace friction::bench;

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

int kQueries = 200;
constexpr int kRawQueries = 10;  // each scans the whole raw table: a few are enough for a median

// The queries timed: 28-day ranges ending on days spread over the second half, with filters in
// turn: none, a site, a site and a kind, a site and a step.
std::vector<ProblemQuery> queries(int n) {
  std::vector<ProblemQuery> list;
  std::mt19937 random(7);
  for (int i = 0; i < n; ++i) {
    ProblemQuery query;
    query.to_day = kFirstDay + 28 + static_cast<int64_t>(random() % (kDays - 28 + 1));
    query.from_day = query.to_day - 28;
    const int filters = i % 4;
    if (filters >= 1) query.site = siteName(static_cast<int>(random() % kSites));
    if (filters == 2) query.kind = kKindNames[random() % kKinds];
    if (filters == 3) query.step = stepName(static_cast<int>(random() % 20));  // popular or not
    list.push_back(query);
  }
  return list;
}

struct Timing {
  double p50 = 0, p95 = 0;
};

Timing percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.5), at(0.95)};
}

// Times every query once; prints p50/p95 over all and per filter set (queries() cycles them).
Timing timeRollups(SignalStore& store, const std::vector<ProblemQuery>& list, const char* label) {
  std::vector<double> ms;
  std::vector<double> by_filters[4];
  for (size_t i = 0; i < list.size(); ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto answer = store.problems(list[i]);
    ms.push_back(msSince(start));
    by_filters[i % 4].push_back(ms.back());
  }
  const Timing timing = percentiles(ms);
  std::printf("  %-34s %4zu queries  p50 %8.2f ms  p95 %8.2f ms\n", label, list.size(), timing.p50,
              timing.p95);
  // The first reads its days from SQLite; later ones find most of them held (problem_day_cache.h).
  std::printf("  %-34s    1 query    %8.2f ms\n", "    the first, days not yet held", ms.front());
  const char* labels[] = {"    no filter", "    site", "    site + kind", "    site + step"};
  for (int filters = 0; filters < 4 && list.size() >= 8; ++filters) {
    const Timing part = percentiles(by_filters[filters]);
    std::printf("  %-34s %4zu queries  p50 %8.2f ms  p95 %8.2f ms\n", labels[filters],
                by_filters[filters].size(), part.p50, part.p95);
  }
  return timing;
}

// The same ranking from the raw signals: views, previous views, signals and events per problem
// of the range (the daily series, first and last seen would cost another pass; left out, which
// favours the baseline).
std::string rawSql(const ProblemQuery& query) {
  const int64_t days = query.to_day - query.from_day;
  const std::string from = std::to_string(query.from_day * kMsPerUtcDay);
  std::string sql =
      "SELECT site, step, kind, target, COUNT(DISTINCT CASE WHEN received_at >= " + from +
      " THEN received_at END) AS views, COUNT(DISTINCT CASE WHEN received_at < " + from +
      " THEN received_at END), SUM(received_at >= " + from +
      ") AS n, SUM(CASE WHEN received_at >= " + from +
      " THEN count END) FROM signals WHERE received_at >= " +
      std::to_string((query.from_day - days) * kMsPerUtcDay) +
      " AND received_at < " + std::to_string(query.to_day * kMsPerUtcDay);
  if (!query.site.empty()) sql += " AND site = '" + query.site + "'";
  if (!query.kind.empty()) sql += " AND kind = '" + query.kind + "'";
  if (!query.step.empty()) sql += " AND step = '" + query.step + "'";
  return sql + " GROUP BY site, step, kind, target HAVING views >= " +
         std::to_string(query.min_views) +
         " ORDER BY views DESC, n DESC, site, step, kind, target LIMIT " +
         std::to_string(query.limit);
}

// Runs the raw query; the (views, signals) pairs in order, to compare with the rollups'.
std::vector<std::tuple<std::string, int64_t, int64_t>> rawAnswer(sqlite3* db,
                                                                const ProblemQuery& query) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, rawSql(query).c_str(), -1, &statement, nullptr);
  std::vector<std::tuple<std::string, int64_t, int64_t>> rows;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    rows.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3))),
                      sqlite3_column_int64(statement, 4), sqlite3_column_int64(statement, 6));
  }
  sqlite3_finalize(statement);
  return rows;
}

void printPlan(sqlite3* db, const std::string& label, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &statement, nullptr);
  while (sqlite3_step(statement) == SQLITE_ROW)
    std::printf("  plan (%s): %s\n", label.c_str(),
                reinterpret_cast<const char*>(sqlite3_column_text(statement, 3)));
  sqlite3_finalize(statement);
}

int64_t countRows(sqlite3* db, const char* table) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, (std::string("SELECT COUNT(*) FROM ") + table).c_str(), -1, &statement,
                     nullptr);
  sqlite3_step(statement);
  const int64_t n = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return n;
}

struct TempFile {
  std::string path;
  explicit TempFile(const char* name)
      : path((fs::temp_directory_path() /
              ("friction-problems-bench-" + std::to_string(getpid()) + "-" + name + ".db"))
                 .string()) {}
  ~TempFile() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines as they come, when piped too
  const int64_t raw_signals = argc > 1 ? std::atoll(argv[1]) : 300'000;
  const int64_t rollup_signals = argc > 2 ? std::atoll(argv[2]) : 4'000'000;
  if (argc > 3) kQueries = std::atoi(argv[3]);
  std::printf("problems view: %d problems possible, Zipf s = %.1f, %d days\n", kProblems, kZipfS,
              kDays);
  const auto list = queries(kQueries);

  {  // A: raw and rolled up, the same stream
    TempFile file("raw");
    auto start = std::chrono::steady_clock::now();
    const int64_t rows = fillProblems(file.path, raw_signals, true, 1);
    std::string error;
    auto store = SignalStore::open(file.path, error);
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::printf("A: %lld signal rows and %lld problem-day rows, built in %.1f s\n",
                static_cast<long long>(countRows(db, "signals")), static_cast<long long>(rows),
                msSince(start) / 1000);
    timeRollups(*store, list, "rollups (problem_days)");
    // The baseline on a sample of the same queries, each also answered from the rollups: the
    // two answers must agree (views and signals, in order) and their times make the ratio.
    std::vector<double> raw_ms, rollup_ms;
    int agree = 0;
    for (int i = 0; i < kRawQueries; ++i) {
      // Spread over the list and over its four filter sets.
      const ProblemQuery& query =
          list[(static_cast<size_t>(i) * list.size() / kRawQueries + static_cast<size_t>(i)) %
               list.size()];
      auto started = std::chrono::steady_clock::now();
      const auto raw_rows = rawAnswer(db, query);
      raw_ms.push_back(msSince(started));
      started = std::chrono::steady_clock::now();
      const auto answer = store->problems(query);
      rollup_ms.push_back(msSince(started));
      bool same = raw_rows.size() == answer.problems.size();
      for (size_t r = 0; same && r < raw_rows.size(); ++r)
        same = std::get<0>(raw_rows[r]) == answer.problems[r].target &&
               std::get<1>(raw_rows[r]) == answer.problems[r].views &&
               std::get<2>(raw_rows[r]) == answer.problems[r].signals;
      agree += same;
    }
    const Timing raw = percentiles(raw_ms), rollup = percentiles(rollup_ms);
    std::printf("  %-34s %4d queries  p50 %8.2f ms  p95 %8.2f ms\n", "raw signals, GROUP BY",
                kRawQueries, raw.p50, raw.p95);
    std::printf("  %-34s %4d queries  p50 %8.2f ms  p95 %8.2f ms\n", "rollups, the same queries",
                kRawQueries, rollup.p50, rollup.p95);
    std::printf("  ratio raw / rollups at p50: %.0fx; answers agree: %d of %d queries\n",
                raw.p50 / rollup.p50, agree, kRawQueries);
    printPlan(db, "raw", rawSql(list[0]));
    printPlan(db, "problem days", problemDaysSql());
    printPlan(db, "problem ids, every site", problemIdsSql(false));
    printPlan(db, "problem ids, one site", problemIdsSql(true));
    sqlite3_close(db);
  }
  if (rollup_signals > 0) {  // B: rollups only, at the size asked for
    TempFile file("rollups");
    const auto start = std::chrono::steady_clock::now();
    const int64_t rows = fillProblems(file.path, rollup_signals, false, 2);
    std::printf("B: %lld signals' worth of rollups: %lld problem-day rows, built in %.1f s\n",
                static_cast<long long>(rollup_signals), static_cast<long long>(rows),
                msSince(start) / 1000);
    std::string error;
    auto store = SignalStore::open(file.path, error);
    timeRollups(*store, list, "rollups (problem_days)");
  }
  return 0;
}
