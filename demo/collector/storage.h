// Where the collector keeps what it takes in, behind one interface with two engines: SQLite in
// one file (sqlite_storage.h, the default) and ClickHouse for more than one machine. Intake,
// the views, hand-offs, retention and the alerts' ledger go through it; no view knows which
// engine it reads. Every method is safe to call from the HTTP server's worker threads.
#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "help_store.h"
#include "intake/batch_reader.h"
#include "outcome_store.h"
#include "problem_alerts.h"
#include "problems.h"
#include "stored_handoff.h"
#include "visit_sums.h"

namespace friction::collector {

// A read the engine could not answer because it cannot be reached (ClickHouse down or slow):
// the views answer 503 and say so, never a page of zeros.
class StoreUnreachable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What became of a batch. `unavailable`: the engine could not be reached, nothing is stored,
// the client is told to retry later (503); `failed`: the engine refused it.
enum class Stored { stored, duplicate, failed, unavailable };


class Storage {
 public:
  virtual ~Storage() = default;

  // Stores a batch, its signals, its visits and its help events: all of it or none, and only
  // then answers. A batch whose id is stored already (a retry whose answer was lost) adds
  // nothing and is `duplicate`.
  virtual Stored storeBatch(const ReceivedBatch& batch, int64_t received_at_ms,
                            std::string& error) = 0;

  // The views. Each throws StoreUnreachable when the engine cannot be reached.
  virtual int64_t totalSignals() = 0;
  virtual std::vector<VisitSums> visitSums() = 0;
  // The problems of a range of days, ranked (problems.h).
  virtual ProblemList problems(const ProblemQuery& query) = 0;
  // The tallies for conversion over UTC days [from_day, to_day), one site or all ("").
  virtual std::vector<OutcomeSums> outcomeSums(int64_t from_day, int64_t to_day,
                                               const std::string& site) = 0;
  // "Did help work" over a range of days, groups under k offers hidden.
  virtual HelpList help(const ProblemQuery& query) = 0;

  // Requests to talk to a person: the new reference ("K7Q-2MX"), or "" and `error`.
  virtual std::string createHandoff(const ReceivedHandoff& handoff, int64_t now_ms,
                                    std::string& error) = 0;
  // Newest first.
  virtual std::vector<StoredHandoff> recentHandoffs(size_t limit) = 0;

  // Retention: deletes everything stored before `cutoff_ms`; the rows deleted, or -1 and
  // `error`.
  virtual int64_t deleteStoredBefore(int64_t cutoff_ms, std::string& error) = 0;

  // The alerts' ledger (alert_watcher.h): the problems alerted for a week starting in the 7
  // days up to `week_from_day`, and recording the alerts sent.
  virtual bool alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys,
                                 std::string& error) = 0;
  virtual bool recordAlerts(const std::vector<Problem>& alerts, int64_t week_from_day,
                            int64_t sent_at_ms, std::string& error) = 0;
};

}  // namespace friction::collector
