// The alerts sent, so that a problem is alerted once a week and a restart does not send again:
// the table problem_alerts, created here on a connection of the alerts' own (the store's
// schema steps do not know it), written only after the receiver answered 2xx.
#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "problem_alerts.h"

struct sqlite3;

namespace friction::collector {

class AlertLedger {
 public:
  // Opens the database (which the store created) and the table; nullptr and `error` on failure.
  static std::unique_ptr<AlertLedger> open(const std::string& db_path, std::string& error);
  ~AlertLedger();
  AlertLedger(const AlertLedger&) = delete;
  AlertLedger& operator=(const AlertLedger&) = delete;

  // The problems alerted for a week starting in the 7 days up to `week_from_day`: the week
  // slides a day at a time, so a problem alerted yesterday is in today's week too and must not
  // be alerted again until a week has passed. False and `error` if the read fails.
  bool alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys, std::string& error);

  // Records `alerts` as sent for the week starting `week_from_day`, in one transaction.
  bool record(const std::vector<Problem>& alerts, int64_t week_from_day, int64_t sent_at_ms,
              std::string& error);

 private:
  explicit AlertLedger(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace friction::collector
