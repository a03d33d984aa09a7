#include "problem_store.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace friction::collector {
namespace {

// The trend rule. A problem is worse (better) when its page views rose (fell) by at least half
// against the period before AND the change is unlikely to be noise: page views on a steady site
// vary like a Poisson count, so the difference of two periods has a variance of about their sum,
// and a change beyond 2 standard deviations (z ≈ 2) happens by chance about 1 time in 40. The
// ratio alone would call 2 → 4 "worse"; the z alone would call 10,000 → 10,300 "worse". A
// problem with no page views in the previous period is new.
constexpr double kTrendMinRatio = 1.5;
constexpr double kTrendMinZ = 2.0;

// Resets a statement at the end of a use: a read left open would pin an old snapshot and stop
// WAL checkpoints.
class Use {
 public:
  explicit Use(sqlite3_stmt* statement) : statement_(statement) {}
  ~Use() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_;
};

std::string text(sqlite3_stmt* statement, int column) {
  const auto* value = sqlite3_column_text(statement, column);
  return value ? std::string(reinterpret_cast<const char*>(value),
                             static_cast<size_t>(sqlite3_column_bytes(statement, column)))
               : std::string();
}

void bindText(sqlite3_stmt* statement, int index, const std::string& value) {
  sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

// The columns of a problem day, in the order both day statements select them.
constexpr const char* kDayColumns =
    "SELECT site, step, kind, target, day, views, signals, events FROM problem_days ";
constexpr const char* kDayFilters =
    "day >= ?1 AND day < ?2 AND (?3 = '' OR step = ?3) AND (?4 = '' OR kind = ?4)";

bool ranksBefore(const Problem& a, const Problem& b) {
  return std::tie(b.views, b.signals, a.site, a.step, a.kind, a.target) <
         std::tie(a.views, a.signals, b.site, b.step, b.kind, b.target);
}

}  // namespace

std::string problemDaysSql(bool one_site) {
  return std::string(kDayColumns) + (one_site ? "WHERE site = ?5 AND " : "WHERE ") + kDayFilters;
}

ProblemTrend trendOf(int64_t views, int64_t previous_views) {
  if (previous_views == 0) return ProblemTrend::new_problem;
  const double now = static_cast<double>(views), before = static_cast<double>(previous_views);
  const double noise = kTrendMinZ * std::sqrt(now + before);
  if (now >= kTrendMinRatio * before && now - before > noise) return ProblemTrend::worse;
  if (before >= kTrendMinRatio * now && before - now > noise) return ProblemTrend::better;
  return ProblemTrend::steady;
}

std::unique_ptr<ProblemStore> ProblemStore::prepare(sqlite3* read_db, std::string& error) {
  std::unique_ptr<ProblemStore> store(new ProblemStore());
  const std::pair<sqlite3_stmt**, std::string> statements[] = {
      {&store->select_days_, problemDaysSql(false)},
      {&store->select_site_days_, problemDaysSql(true)},
      {&store->select_problem_,
       "SELECT day, views, role, first_seen, last_seen FROM problem_days "
       "WHERE site = ?1 AND step = ?2 AND kind = ?3 AND target = ?4 ORDER BY day"},
  };
  for (const auto& [slot, sql] : statements) {
    if (sqlite3_prepare_v3(read_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, slot, nullptr) !=
        SQLITE_OK) {
      error = sqlite3_errmsg(read_db);
      return nullptr;
    }
  }
  return store;
}

ProblemStore::~ProblemStore() {
  sqlite3_finalize(select_days_);
  sqlite3_finalize(select_site_days_);
  sqlite3_finalize(select_problem_);
}

ProblemList ProblemStore::problems(const ProblemQuery& query) {
  ProblemList list;
  list.query = query;
  const int64_t days = query.to_day - query.from_day;
  if (days <= 0) return list;

  // One scan over the range and the period before it, summed here: a hash beats SQL's GROUP BY
  // (a sort) on hundreds of thousands of rows, and both periods come out of the same pass.
  std::vector<Problem> found;
  std::unordered_map<std::string, size_t> index_of;
  {
    Use use(query.site.empty() ? select_days_ : select_site_days_);
    sqlite3_stmt* rows = use.get();
    sqlite3_bind_int64(rows, 1, query.from_day - days);
    sqlite3_bind_int64(rows, 2, query.to_day);
    bindText(rows, 3, query.step);
    bindText(rows, 4, query.kind);
    if (!query.site.empty()) bindText(rows, 5, query.site);
    std::string key;
    while (sqlite3_step(rows) == SQLITE_ROW) {
      key.clear();
      for (int column = 0; column < 4; ++column) {
        const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(rows, column));
        key.append(value, static_cast<size_t>(sqlite3_column_bytes(rows, column)));
        key.push_back('\0');
      }
      auto [at, added] = index_of.try_emplace(key, found.size());
      if (added) {
        found.emplace_back();
        Problem& problem = found.back();
        problem.site = text(rows, 0);
        problem.step = text(rows, 1);
        problem.kind = text(rows, 2);
        problem.target = text(rows, 3);
      }
      Problem& problem = found[at->second];
      const int64_t views = sqlite3_column_int64(rows, 5);
      if (sqlite3_column_int64(rows, 4) < query.from_day) {
        problem.previous_views += views;
      } else {
        problem.views += views;
        problem.signals += sqlite3_column_int64(rows, 6);
        problem.events += sqlite3_column_int64(rows, 7);
      }
    }
  }

  // Only problems seen in the range; too few page views and they are counted, never shown.
  std::vector<Problem> shown;
  for (auto& problem : found) {
    if (problem.views == 0) continue;
    if (problem.views < query.min_views) ++list.hidden;
    else shown.push_back(std::move(problem));
  }
  const size_t kept = std::min(shown.size(), query.limit);
  std::partial_sort(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(kept), shown.end(),
                    ranksBefore);
  shown.resize(kept);

  for (auto& problem : shown) {
    problem.trend = trendOf(problem.views, problem.previous_views);
    problem.daily_views.assign(static_cast<size_t>(days), 0);
    Use use(select_problem_);
    sqlite3_stmt* rows = use.get();
    bindText(rows, 1, problem.site);
    bindText(rows, 2, problem.step);
    bindText(rows, 3, problem.kind);
    bindText(rows, 4, problem.target);
    bool first = true;
    while (sqlite3_step(rows) == SQLITE_ROW) {
      const int64_t day = sqlite3_column_int64(rows, 0);
      if (day >= query.from_day && day < query.to_day)
        problem.daily_views[static_cast<size_t>(day - query.from_day)] =
            sqlite3_column_int64(rows, 1);
      problem.role = text(rows, 2);  // ordered by day: the last row's is the latest
      const int64_t first_seen = sqlite3_column_int64(rows, 3);
      const int64_t last_seen = sqlite3_column_int64(rows, 4);
      problem.first_seen_ms = first ? first_seen : std::min(problem.first_seen_ms, first_seen);
      problem.last_seen_ms = first ? last_seen : std::max(problem.last_seen_ms, last_seen);
      first = false;
    }
  }
  list.problems = std::move(shown);
  return list;
}

}  // namespace friction::collector
