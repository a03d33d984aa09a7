// The SQLite engine (storage.h), the collector's default: one file, in WAL mode so the views
// read while batches are written. It is the signal store (batches, signals, rollups), the
// hand-off store, the alerts' ledger and a connection for retention, on the same file, each
// with its own connection so that no one of them waits on another's lock.
#pragma once
#include <memory>
#include <mutex>
#include <string>

#include "alert_ledger.h"
#include "handoff_store.h"
#include "signal_store.h"
#include "storage.h"

struct sqlite3;

namespace friction::collector {

class SqliteStorage : public Storage {
 public:
  // Opens (creating and migrating if needed) the file; nullptr and `error` if that fails.
  static std::unique_ptr<SqliteStorage> open(const std::string& path, std::string& error);
  ~SqliteStorage() override;

  Stored storeBatch(const ReceivedBatch& batch, int64_t received_at_ms,
                    std::string& error) override {
    return signals_->storeBatch(batch, received_at_ms, error);
  }
  int64_t totalSignals() override { return signals_->totalSignals(); }
  std::vector<VisitSums> visitSums() override { return signals_->visitSums(); }
  ProblemList problems(const ProblemQuery& query) override { return signals_->problems(query); }
  std::vector<OutcomeSums> outcomeSums(int64_t from_day, int64_t to_day,
                                       const std::string& site) override {
    return signals_->outcomeSums(from_day, to_day, site);
  }
  HelpList help(const ProblemQuery& query) override { return signals_->help(query); }
  std::string createHandoff(const ReceivedHandoff& handoff, int64_t now_ms,
                            std::string& error) override {
    return handoffs_->create(handoff, now_ms, error);
  }
  std::vector<StoredHandoff> recentHandoffs(size_t limit) override {
    return handoffs_->recent(limit);
  }
  int64_t deleteStoredBefore(int64_t cutoff_ms, std::string& error) override;
  bool alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys,
                         std::string& error) override;
  bool recordAlerts(const std::vector<Problem>& alerts, int64_t week_from_day, int64_t sent_at_ms,
                    std::string& error) override;

  // What only this engine has, for its tests: the intake connection's PRAGMA synchronous.
  int synchronousLevel() { return signals_->synchronousLevel(); }

 private:
  SqliteStorage() = default;
  std::unique_ptr<SignalStore> signals_;
  std::unique_ptr<HandoffStore> handoffs_;
  std::mutex ledger_mutex_;
  std::unique_ptr<AlertLedger> ledger_;
  std::mutex retention_mutex_;
  sqlite3* retention_db_ = nullptr;
};

}  // namespace friction::collector
