#include "synthetic_problems.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "signal_store.h"
#include "utc_day.h"

namespace friction::bench {

using collector::kMsPerUtcDay;
using collector::SignalStore;

const char* const kKindNames[kKinds] = {"rage_click",  "dead_click",  "error_click",
                                        "form_struggle", "hesitation", "quick_back",
                                        "scroll_thrash", "cursor_thrash", "slow_response"};

std::string siteName(int site) { return "site" + std::to_string(site); }
std::string stepName(int step) { return "/step/" + std::to_string(step); }

namespace {

struct Key {
  int site, step, target, kind;
};

Key keyOf(int problem) {
  Key key;
  key.kind = problem % kKinds;
  problem /= kKinds;
  key.target = problem % kTargetsPerStep;
  problem /= kTargetsPerStep;
  key.step = problem % kSteps;
  key.site = problem / kSteps;
  return key;
}

std::string targetName(const Key& key) {
  char text[17];
  std::snprintf(text, sizeof text, "%08x%08x", key.step * 7919 + 17, key.target * 104729 + 3);
  return text;
}

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::fprintf(stderr, "synthetic problems: %s\n", message ? message : "?");
    std::exit(1);
  }
}

// One page view meeting one problem: its day, time and signals.
struct PageView {
  int problem;
  int day;
  int64_t received_at;
  int signals;
};

// Draws page views until `signals` signals: problems by Zipf-like popularity (a shuffled rank),
// days uniformly, every page view its own received_at.
class Stream {
 public:
  explicit Stream(uint32_t seed) : random_(seed), rank_of_(kProblems) {
    for (int i = 0; i < kProblems; ++i) rank_of_[i] = i;
    std::shuffle(rank_of_.begin(), rank_of_.end(), random_);
    double sum = 0;
    cdf_.resize(kProblems);
    for (int rank = 0; rank < kProblems; ++rank) cdf_[rank] = sum += std::pow(rank + 1, -kZipfS);
    for (double& c : cdf_) c /= sum;
  }
  PageView next() {
    const double u = std::uniform_real_distribution<double>(0, 1)(random_);
    const int rank = static_cast<int>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
    PageView view;
    view.problem = rank_of_[std::min(rank, kProblems - 1)];
    view.day = static_cast<int>(random_() % kDays);
    view.received_at =
        (kFirstDay + view.day) * kMsPerUtcDay + static_cast<int64_t>(count_++ % kMsPerUtcDay);
    view.signals = random_() % 4 == 0 ? 2 + static_cast<int>(random_() % 2) : 1;
    return view;
  }

 private:
  std::mt19937 random_;
  std::vector<int> rank_of_;
  std::vector<double> cdf_;
  int64_t count_ = 0;
};

struct DayCell {
  int32_t views = 0, signals = 0, events = 0;
  int64_t first = 0, last = 0;
};

// Fills a fresh database with `total_signals` signals' worth of problem days, and the raw
// signals too if `raw`. Returns the problem-day rows written.
}  // namespace

int64_t fillProblems(const std::string& path, int64_t total_signals, bool raw, uint32_t seed) {
  std::string error;
  if (!SignalStore::open(path, error)) {  // the schema, as the collector makes it
    std::fprintf(stderr, "synthetic problems: %s\n", error.c_str());
    std::exit(1);
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  exec(db, "PRAGMA synchronous = OFF; BEGIN");
  sqlite3_stmt* insert_signal = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO signals (received_at, site, kind, step, role, target, count, "
                     "at_s, span_ms, score) VALUES (?, ?, ?, ?, 'button', ?, ?, 0, 0, 0.5)",
                     -1, &insert_signal, nullptr);
  std::vector<DayCell> cells(static_cast<size_t>(kProblems) * kDays);
  Stream stream(seed);
  std::vector<std::string> sites, steps, targets(kProblems);
  for (int i = 0; i < kSites; ++i) sites.push_back(siteName(i));
  for (int i = 0; i < kSteps; ++i) steps.push_back(stepName(i));
  for (int i = 0; i < kProblems; ++i) targets[i] = targetName(keyOf(i));
  for (int64_t signals = 0; signals < total_signals;) {
    const PageView view = stream.next();
    DayCell& cell = cells[static_cast<size_t>(view.problem) * kDays + view.day];
    if (cell.views++ == 0) cell.first = view.received_at;
    cell.first = std::min(cell.first, view.received_at);
    cell.last = std::max(cell.last, view.received_at);
    cell.signals += view.signals;
    cell.events += 3 * view.signals;
    signals += view.signals;
    if (!raw) continue;
    const Key key = keyOf(view.problem);
    for (int i = 0; i < view.signals; ++i) {
      sqlite3_bind_int64(insert_signal, 1, view.received_at);
      sqlite3_bind_text(insert_signal, 2, sites[key.site].c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert_signal, 3, kKindNames[key.kind], -1, SQLITE_STATIC);
      sqlite3_bind_text(insert_signal, 4, steps[key.step].c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert_signal, 5, targets[view.problem].c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int(insert_signal, 6, 3);
      sqlite3_step(insert_signal);
      sqlite3_reset(insert_signal);
    }
  }
  sqlite3_finalize(insert_signal);
  // The problems table names each problem seen once (id = its number + 1), then its days.
  sqlite3_stmt* insert_problem = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO problems (id, site, step, kind, target, role, first_seen, "
                     "last_seen) VALUES (?, ?, ?, ?, ?, 'button', ?, ?)",
                     -1, &insert_problem, nullptr);
  sqlite3_stmt* insert_day = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO problem_days (day, problem_id, views, signals, events) "
                     "VALUES (?, ?, ?, ?, ?)",
                     -1, &insert_day, nullptr);
  for (int problem = 0; problem < kProblems; ++problem) {
    int64_t first = 0, last = 0;
    for (int day = 0; day < kDays; ++day) {
      const DayCell& cell = cells[static_cast<size_t>(problem) * kDays + day];
      if (cell.views == 0) continue;
      if (first == 0) first = cell.first;
      last = cell.last;
    }
    if (first == 0) continue;
    const Key key = keyOf(problem);
    sqlite3_bind_int(insert_problem, 1, problem + 1);
    sqlite3_bind_text(insert_problem, 2, sites[key.site].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_problem, 3, steps[key.step].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_problem, 4, kKindNames[key.kind], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_problem, 5, targets[problem].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert_problem, 6, first);
    sqlite3_bind_int64(insert_problem, 7, last);
    sqlite3_step(insert_problem);
    sqlite3_reset(insert_problem);
  }
  sqlite3_finalize(insert_problem);
  // In the table's order, day by day, as intake leaves it.
  int64_t rows = 0;
  for (int day = 0; day < kDays; ++day) {
    for (int problem = 0; problem < kProblems; ++problem) {
      const DayCell& cell = cells[static_cast<size_t>(problem) * kDays + day];
      if (cell.views == 0) continue;
      sqlite3_bind_int64(insert_day, 1, kFirstDay + day);
      sqlite3_bind_int(insert_day, 2, problem + 1);
      sqlite3_bind_int(insert_day, 3, cell.views);
      sqlite3_bind_int(insert_day, 4, cell.signals);
      sqlite3_bind_int(insert_day, 5, cell.events);
      sqlite3_step(insert_day);
      sqlite3_reset(insert_day);
      ++rows;
    }
  }
  sqlite3_finalize(insert_day);
  exec(db, "COMMIT; ANALYZE");
  sqlite3_close(db);
  return rows;
}

}  // namespace friction::bench
