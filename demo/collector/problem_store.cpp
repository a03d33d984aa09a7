#include "problem_store.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "detect/friction_kind.h"
#include "device_codes.h"
#include "encode/field_rules.h"
#include "problem_causes.h"

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

constexpr const char* kDaysSql =
    "SELECT day, problem_id, views, signals, events, pointer, width FROM problem_days "
    "WHERE day >= ?1 AND day < ?2";
constexpr const char* kIdsSql = "SELECT id FROM problems WHERE ";
constexpr const char* kIdFilters = "(?2 = '' OR step = ?2) AND (?3 = '' OR kind = ?3)";

// The order of the ranking without the names: most page views, then most signals.
template <typename Sums>
bool countsBefore(const Sums& a, const Sums& b) {
  return std::tie(b.views, b.signals) < std::tie(a.views, a.signals);
}

bool ranksBefore(const Problem& a, const Problem& b) {
  return std::tie(b.views, b.signals, a.site, a.step, a.kind, a.target) <
         std::tie(a.views, a.signals, b.site, b.step, b.kind, b.target);
}

}  // namespace

std::string problemDaysSql() { return kDaysSql; }

std::string problemIdsSql(bool one_site) {
  return std::string(kIdsSql) + (one_site ? "site = ?1 AND " : "") + kIdFilters;
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
      {&store->select_days_, problemDaysSql()},
      {&store->select_oldest_day_, "SELECT MIN(day) FROM problem_days"},
      {&store->select_ids_, problemIdsSql(false)},
      {&store->select_site_ids_, problemIdsSql(true)},
      {&store->select_problem_,
       "SELECT site, step, kind, target, role, first_seen, last_seen, name FROM problems "
       "WHERE id = ?"},
      {&store->select_causes_,
       "SELECT cause, SUM(signals) FROM problem_cause_days WHERE problem_id = ?1 AND "
       "day >= ?2 AND day < ?3 AND (?4 < 0 OR pointer = ?4) AND (?5 < 0 OR width = ?5) "
       "GROUP BY cause"},
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
  sqlite3_finalize(select_oldest_day_);
  sqlite3_finalize(select_ids_);
  sqlite3_finalize(select_site_ids_);
  sqlite3_finalize(select_problem_);
  sqlite3_finalize(select_causes_);
}

const std::vector<ProblemDayRow>& ProblemStore::dayRows(int64_t day) {
  if (const auto* held = days_.find(day)) return *held;
  std::vector<ProblemDayRow> rows;
  Use use(select_days_);
  sqlite3_stmt* read = use.get();
  sqlite3_bind_int64(read, 1, day);
  sqlite3_bind_int64(read, 2, day + 1);
  while (sqlite3_step(read) == SQLITE_ROW)
    rows.push_back({sqlite3_column_int64(read, 1), sqlite3_column_int64(read, 2),
                    sqlite3_column_int64(read, 3), sqlite3_column_int64(read, 4),
                    sqlite3_column_int(read, 5), sqlite3_column_int(read, 6)});
  return days_.hold(day, std::move(rows));
}

ProblemList ProblemStore::problems(const ProblemQuery& query) {
  ProblemList list;
  list.query = query;
  const int64_t days = query.to_day - query.from_day;
  if (days <= 0) return list;

  // A filter becomes the set of problem ids it keeps, from the small problems table, so that
  // the scan below compares no text.
  const bool filtered = !query.site.empty() || !query.step.empty() || !query.kind.empty();
  std::vector<char>& kept_ids = kept_ids_;
  kept_ids.clear();
  if (filtered) {
    Use use(query.site.empty() ? select_ids_ : select_site_ids_);
    sqlite3_stmt* rows = use.get();
    bindText(rows, 1, query.site);
    bindText(rows, 2, query.step);
    bindText(rows, 3, query.kind);
    while (sqlite3_step(rows) == SQLITE_ROW) {
      const auto id = static_cast<size_t>(sqlite3_column_int64(rows, 0));
      if (id >= kept_ids.size()) kept_ids.resize(id + 1, 0);
      kept_ids[id] = 1;
    }
    if (kept_ids.empty()) return list;
  }

  // A device filter keeps the days of one class; -1: every class. A name no class has keeps
  // nothing (problems_request.cpp refuses it before it gets here).
  const int pointer = query.pointer.empty() ? -1 : pointerCode(query.pointer);
  const int width = query.width.empty() ? -1 : widthCode(query.width);
  if ((!query.pointer.empty() && pointer < 0) || (!query.width.empty() && width < 0)) return list;
  const auto keeps = [&](const ProblemDayRow& row) {
    const auto at = static_cast<size_t>(row.problem_id);
    if (filtered && (at >= kept_ids.size() || !kept_ids[at])) return false;
    return (pointer < 0 || row.pointer == pointer) && (width < 0 || row.width == width);
  };

  int64_t oldest = INT64_MAX;  // no day stored before it
  {  // Retention deletes from below, on its own connection.
    Use use(select_oldest_day_);
    if (sqlite3_step(use.get()) == SQLITE_ROW && sqlite3_column_type(use.get(), 0) != SQLITE_NULL)
      oldest = sqlite3_column_int64(use.get(), 0);
    days_.dropStale(oldest);
  }

  // One pass over the range and the period before it, day by day, summed into a vector at the
  // problem's id.
  std::vector<Sums>& sums = sums_;
  sums.clear();
  const int64_t first_day = std::max(query.from_day - days, oldest);
  for (int64_t day = first_day; day < query.to_day; ++day) {
    const bool in_range = day >= query.from_day;
    for (const ProblemDayRow& row : dayRows(day)) {
      if (!keeps(row)) continue;
      const auto at = static_cast<size_t>(row.problem_id);
      if (at >= sums.size()) sums.resize(at + 1);
      if (!in_range) {
        sums[at].previous_views += row.views;
      } else {
        sums[at].views += row.views;
        sums[at].signals += row.signals;
        sums[at].events += row.events;
      }
    }
  }

  // Only problems seen in the range; too few page views and they are counted, never shown.
  std::vector<size_t> shown;
  for (size_t id = 0; id < sums.size(); ++id) {
    if (sums[id].views == 0) continue;
    if (sums[id].views < query.min_views) ++list.hidden;
    else shown.push_back(id);
  }
  // Ranked on the counts first; the names, needed to break ties, are read only for the
  // problems ranked before the last one kept or tied with it.
  if (shown.size() > query.limit && query.limit > 0) {
    auto counts = [&](size_t a, size_t b) { return countsBefore(sums[a], sums[b]); };
    const auto last = shown.begin() + static_cast<std::ptrdiff_t>(query.limit - 1);
    std::nth_element(shown.begin(), last, shown.end(), counts);
    const size_t boundary = *last;
    shown.erase(std::remove_if(shown.begin(), shown.end(),
                               [&](size_t id) { return counts(boundary, id); }),
                shown.end());
  }
  if (query.limit == 0) shown.clear();

  std::vector<std::pair<size_t, Problem>> named;  // at their ids
  named.reserve(shown.size());
  for (size_t id : shown) {
    Use use(select_problem_);
    sqlite3_stmt* row = use.get();
    sqlite3_bind_int64(row, 1, static_cast<int64_t>(id));
    if (sqlite3_step(row) != SQLITE_ROW) continue;  // deleted by retention since the scan
    Problem problem;
    problem.site = text(row, 0);
    problem.step = text(row, 1);
    problem.kind = text(row, 2);
    problem.target = text(row, 3);
    problem.role = text(row, 4);
    problem.first_seen_ms = sqlite3_column_int64(row, 5);
    problem.last_seen_ms = sqlite3_column_int64(row, 6);
    problem.name = text(row, 7);
    problem.views = sums[id].views;
    problem.previous_views = sums[id].previous_views;
    problem.signals = sums[id].signals;
    problem.events = sums[id].events;
    problem.trend = trendOf(problem.views, problem.previous_views);
    problem.daily_views.assign(static_cast<size_t>(days), 0);
    named.emplace_back(id, std::move(problem));
  }
  std::sort(named.begin(), named.end(),
            [](const auto& a, const auto& b) { return ranksBefore(a.second, b.second); });
  if (named.size() > query.limit) named.resize(query.limit);

  // The daily series of the few problems kept: the range's days again, all held by now.
  std::vector<Problem*> kept_at_id(sums.size(), nullptr);
  for (auto& [id, problem] : named) kept_at_id[id] = &problem;
  for (int64_t day = std::max(query.from_day, oldest); day < query.to_day && !named.empty(); ++day) {
    for (const ProblemDayRow& row : dayRows(day)) {
      const auto at = static_cast<size_t>(row.problem_id);
      if (at >= kept_at_id.size() || !kept_at_id[at] || !keeps(row)) continue;
      // A row per device class: they add up.
      kept_at_id[at]->daily_views[static_cast<size_t>(day - query.from_day)] += row.views;
    }
  }
  // Their causes, for the kinds that carry some: a few rows each, by the problem's index.
  for (auto& [id, problem] : named) {
    const auto kind = parseFrictionKind(problem.kind);
    if (!kind || field_rules::causesOf(*kind) == 0) continue;
    Use use(select_causes_);
    sqlite3_stmt* row = use.get();
    sqlite3_bind_int64(row, 1, static_cast<int64_t>(id));
    sqlite3_bind_int64(row, 2, query.from_day);
    sqlite3_bind_int64(row, 3, query.to_day);
    sqlite3_bind_int(row, 4, pointer);
    sqlite3_bind_int(row, 5, width);
    std::map<std::string, int64_t> by_cause;
    while (sqlite3_step(row) == SQLITE_ROW) by_cause[text(row, 0)] += sqlite3_column_int64(row, 1);
    problem.causes = shownCauses(by_cause, query.min_views);
  }
  for (auto& [id, problem] : named) list.problems.push_back(std::move(problem));
  return list;
}

}  // namespace friction::collector
