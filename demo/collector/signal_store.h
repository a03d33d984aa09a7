// Where received batches live: one SQLite file, in WAL mode so the dashboard can read while
// batches are written. Every method is safe to call from the HTTP server's worker threads.
#pragma once
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "intake/batch_reader.h"
#include "outcome_store.h"
#include "problems.h"
#include "signals/visit_tally.h"
#include "storage.h"
#include "visit_sums.h"

namespace friction::collector {

struct BatchRollup;
class ProblemStore;
class OutcomeStore;
class HelpStore;
struct HelpList;

class SignalStore {
 public:
  // Opens (creating if needed) the database; nullptr and `error` if that fails.
  static std::unique_ptr<SignalStore> open(const std::string& path, std::string& error);
  ~SignalStore();
  SignalStore(const SignalStore&) = delete;
  SignalStore& operator=(const SignalStore&) = delete;

  // Stores a batch, its signals and its visits in one transaction: all of it or none. A batch
  // whose id is stored already (a retry of a batch whose answer was lost) adds nothing.
  using Stored = collector::Stored;
  Stored storeBatch(const ReceivedBatch& batch, int64_t received_at_ms, std::string& error);

  int64_t totalSignals();
  // The intake connection's PRAGMA synchronous (2 = FULL: every commit synced before the answer).
  int synchronousLevel();
  std::vector<VisitSums> visitSums();
  // The problems of a range of days, from the rollups kept at intake (problem_store.h).
  ProblemList problems(const ProblemQuery& query);
  // The tallies for conversion over UTC days [from_day, to_day), one site or all (outcome_store.h).
  std::vector<OutcomeSums> outcomeSums(int64_t from_day, int64_t to_day, const std::string& site);
  // "Did help work" over a range of days, groups under k offers hidden (help_store.h).
  HelpList help(const ProblemQuery& query);

 private:
  struct Statement;
  SignalStore(sqlite3* db, sqlite3* read_db);
  bool prepareAll(std::string& error);
  int insertBatchRow(const ReceivedBatch& batch, int64_t received_at_ms);  // an SQLite code
  bool insertSignalRow(const std::string& site, const ReceivedSignal& signal,
                       int64_t received_at_ms);
  bool addProblemDays(const std::string& site, const BatchRollup& rollup,
                      int64_t received_at_ms);
  bool addVisits(const ReceivedBatch& batch, const BatchRollup& rollup, int64_t received_at_ms);

  // Writes and reads have a connection each (WAL lets them run side by side), so a dashboard
  // reloaded in a loop waits on its own lock and never holds up intake. One user at a time each.
  std::mutex mutex_;
  sqlite3* db_;
  std::mutex read_mutex_;
  sqlite3* read_db_;
  std::unique_ptr<Statement> insert_batch_, insert_signal_, count_signals_,
      upsert_visit_total_, upsert_visit_kind_, select_visit_totals_,
      select_visit_kinds_, upsert_problem_, upsert_problem_day_;
  std::unique_ptr<Statement> upsert_problem_cause_day_;  // signals per cause (schema step 10)
  std::unique_ptr<ProblemStore> problems_;  // on read_db_, under read_mutex_
  std::unique_ptr<OutcomeStore> outcomes_;  // writes under mutex_, reads under read_mutex_
  std::unique_ptr<HelpStore> help_;         // writes on db_, reads on read_db_
};

}  // namespace friction::collector
