// "Did help work": help events (decide/help_outcomes.h) rolled up at intake per UTC day, site,
// step, kind and event, so that a view over weeks reads day rows, never one row per event
// (no raw event is kept at all). Reads group the rows per site, step and kind.
#pragma once
#include <sqlite3.h>

#include <array>
#include <map>
#include <tuple>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "decide/help_outcomes.h"
#include "intake/batch_reader.h"
#include "problems.h"

namespace friction::collector {

struct BatchRollup;

// Help offered on one step because of one kind, over a range of days: events by HelpEvent.
struct HelpRow {
  std::string site, step, kind;
  std::array<int64_t, kHelpEventCount> events{};
  int64_t count(HelpEvent event) const { return events[static_cast<size_t>(event)]; }
  // The SDK never tells "left" (it cannot know): offers not followed by another step.
  int64_t left() const;
};

struct HelpList {
  ProblemQuery query;  // min_views: the fewest offers a group needs to be shown
  std::vector<HelpRow> rows;  // most offers first
  int64_t hidden = 0;         // groups under k offers, not shown
};

// Summed events per (site, step, kind), as an engine reads them.
using HelpGroups = std::map<std::tuple<std::string, std::string, std::string>, HelpRow>;

// The list a view shows of them: groups under k offers hidden and counted, most offers first,
// at most query.limit. The same for every storage engine.
HelpList helpListOf(const ProblemQuery& query, HelpGroups groups);

// The read, for its query plan in the tests: a range of the key's leading day, never a scan.
const char* helpDaysSelectSql();

class HelpStore {
 public:
  // Statements on the writer's connection (db) and the readers' (read_db).
  static std::unique_ptr<HelpStore> prepare(sqlite3* db, sqlite3* read_db, std::string& error);
  ~HelpStore();
  // What `rollup` adds for `site`, on `day`, within the caller's transaction on db.
  bool add(const std::string& site, const BatchRollup& rollup, int64_t day);
  // On read_db, under the caller's lock.
  HelpList list(const ProblemQuery& query);

 private:
  HelpStore() = default;
  sqlite3_stmt* upsert_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
};

}  // namespace friction::collector
