#include "signal_store.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "anonymise/randomized_response.h"
#include "batch_rollup.h"
#include "help_store.h"
#include "outcome_store.h"
#include "problem_store.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

// The schema grows by numbered steps, recorded in PRAGMA user_version: a database made by any
// earlier collector is brought up to date on open, in one transaction, and never rebuilt.
// Steps are only ever appended. (The first steps use IF NOT EXISTS: databases made before
// versioning have those tables already.)
constexpr const char* kMigrations[] = {
    // 1: batches and signals
    R"sql(
CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,  -- unix ms, server clock
  site TEXT NOT NULL,
  sdk TEXT NOT NULL,
  dropped INTEGER NOT NULL,
  signal_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS signals (
  id INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,  -- unix ms, server clock
  site TEXT NOT NULL,
  kind TEXT NOT NULL,
  step TEXT NOT NULL,
  role TEXT NOT NULL,
  target TEXT NOT NULL,
  count INTEGER NOT NULL,
  at_s INTEGER NOT NULL,
  span_ms INTEGER NOT NULL,
  score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS signals_by_kind_step ON signals (kind, step);
CREATE INDEX IF NOT EXISTS signals_by_received_at ON signals (received_at);
)sql",
    // 2: visit tallies, kept only as sums: a tally has no identity worth keeping, and sums are
    // what the estimator needs. Tallies told with randomized response are summed apart, per ε.
    R"sql(
CREATE TABLE IF NOT EXISTS visit_totals (
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  epsilon REAL NOT NULL,         -- 0: exact tallies
  visits INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,   -- unix ms, server clock
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (site, step, epsilon)
);
CREATE TABLE IF NOT EXISTS visit_kinds (
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  epsilon REAL NOT NULL,
  kind TEXT NOT NULL,
  said_met INTEGER NOT NULL,     -- visits whose tally named the kind (randomized if epsilon > 0)
  PRIMARY KEY (site, step, epsilon, kind)
);
)sql",
    // 3: batch ids, so that a retried batch is stored once. Older rows have none (NULL), which
    // a UNIQUE index allows any number of times.
    R"sql(
ALTER TABLE batches ADD COLUMN batch_id TEXT;
CREATE UNIQUE INDEX batches_by_batch_id ON batches (batch_id);
)sql",
    // 4: requests to talk to a person, with the journey summary when the visitor shared it
    R"sql(
CREATE TABLE handoffs (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,  -- what the visitor tells the agent, e.g. K7Q-2MX
  site TEXT NOT NULL,
  created_at INTEGER NOT NULL,     -- unix ms, server clock
  summary TEXT                     -- validated JSON (journey/journey_log.h), or NULL
);
)sql",
    // 5: problems rolled up per UTC day at intake (problems.h), so that a view over weeks
    // reads a few rows per problem instead of every signal. Filled from the signals already
    // stored: the signals have no batch id, but a batch's signals share its received_at, so
    // one page view per distinct received_at is what intake would have counted.
    R"sql(
CREATE TABLE problem_days (
  day INTEGER NOT NULL,          -- UTC days since 1970-01-01 of received_at
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  role TEXT NOT NULL,            -- the latest seen
  views INTEGER NOT NULL,        -- page views affected (batches holding the problem)
  signals INTEGER NOT NULL,
  events INTEGER NOT NULL,       -- the signals' counts added up
  first_seen INTEGER NOT NULL,   -- unix ms, server clock
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (day, site, step, kind, target)
) WITHOUT ROWID;
-- Stored in day order, so that a range of days is one contiguous read. A site's range reads
-- this index alone: an index of a WITHOUT ROWID table carries the key's other columns.
CREATE INDEX problem_days_by_site_day ON problem_days (site, day, views, signals, events);
-- One problem's days, for its daily series and first and last seen.
CREATE INDEX problem_days_by_problem ON problem_days (site, step, kind, target, day);
INSERT INTO problem_days (site, step, kind, target, day, role, views, signals, events,
                          first_seen, last_seen)
SELECT site, step, kind, target, day,
       (SELECT s.role FROM signals s WHERE s.received_at = g.last_seen AND s.site = g.site AND
        s.step = g.step AND s.kind = g.kind AND s.target = g.target ORDER BY s.id DESC LIMIT 1),
       views, signals, events, first_seen, last_seen
FROM (SELECT site, step, kind, target, received_at / 86400000 AS day,
             COUNT(DISTINCT received_at) AS views, COUNT(*) AS signals, SUM(count) AS events,
             MIN(received_at) AS first_seen, MAX(received_at) AS last_seen
      FROM signals GROUP BY site, step, kind, target, received_at / 86400000) AS g;
)sql",
    // 6: the problems named once, and their days as narrow rows of integers: a view sums a
    // million problem days without comparing or hashing text (issue 14). The days of step 5
    // move over; the role is the latest day's.
    R"sql(
CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  role TEXT NOT NULL,            -- the latest seen
  first_seen INTEGER NOT NULL,   -- unix ms, server clock
  last_seen INTEGER NOT NULL,
  UNIQUE (site, step, kind, target)
);
INSERT INTO problems (site, step, kind, target, role, first_seen, last_seen)
SELECT site, step, kind, target,
       (SELECT l.role FROM problem_days l WHERE l.site = d.site AND l.step = d.step AND
        l.kind = d.kind AND l.target = d.target ORDER BY l.day DESC LIMIT 1),
       MIN(first_seen), MAX(last_seen)
FROM problem_days d GROUP BY site, step, kind, target;
-- Stored in day order, so that a range of days is one contiguous read of small rows.
CREATE TABLE problem_days_by_id (
  day INTEGER NOT NULL,          -- UTC days since 1970-01-01 of received_at
  problem_id INTEGER NOT NULL,   -- problems.id
  views INTEGER NOT NULL,        -- page views affected (batches holding the problem)
  signals INTEGER NOT NULL,
  events INTEGER NOT NULL,       -- the signals' counts added up
  PRIMARY KEY (day, problem_id)
) WITHOUT ROWID;
INSERT INTO problem_days_by_id (day, problem_id, views, signals, events)
SELECT d.day, p.id, d.views, d.signals, d.events
FROM problem_days d JOIN problems p USING (site, step, kind, target) ORDER BY d.day, p.id;
DROP TABLE problem_days;
ALTER TABLE problem_days_by_id RENAME TO problem_days;
)sql",
    // 7: the tallies per UTC day for conversion (outcome_store.h): the views' own (goal '') and
    // the goal tallies, that the site's goal followed. Only sums, as in step 2. (IF NOT EXISTS: a
    // database set back to an earlier step by hand, as tests do, may have them already.)
    R"sql(
CREATE TABLE IF NOT EXISTS outcome_days (
  day INTEGER NOT NULL,          -- UTC days since 1970-01-01, server clock
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  epsilon REAL NOT NULL,         -- 0: exact tallies
  goal TEXT NOT NULL,            -- '': the views' own tallies; else the goal that followed them
  views INTEGER NOT NULL,
  quiet INTEGER NOT NULL,        -- exact tallies that met friction and told no help was asked
  PRIMARY KEY (day, site, step, epsilon, goal)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outcome_kinds (
  day INTEGER NOT NULL,
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  epsilon REAL NOT NULL,
  goal TEXT NOT NULL,
  kind TEXT NOT NULL,
  said_met INTEGER NOT NULL,     -- tallies that named the kind (randomized if epsilon > 0)
  PRIMARY KEY (day, site, step, epsilon, goal, kind)
) WITHOUT ROWID;
)sql",
    // 8: what became of help offers, summed per UTC day at intake (help_store.h); no
    // raw event is kept. Day first: a view's range of days is one contiguous read.
    R"sql(
CREATE TABLE IF NOT EXISTS help_days (
  day INTEGER NOT NULL,          -- UTC days since 1970-01-01 of received_at
  site TEXT NOT NULL,
  step TEXT NOT NULL,
  kind TEXT NOT NULL,            -- the offer's cause
  event TEXT NOT NULL,           -- offered, opened, ... (decide/help_outcomes.h)
  count INTEGER NOT NULL,
  PRIMARY KEY (day, site, step, kind, event)
) WITHOUT ROWID;
)sql",
    // 9: exact page views, element names, device class (issue 14). A batch keeps its device
    // class; a problem its latest element name; its days are kept per device class too (codes
    // of device_codes.h, 0 = unknown: the days so far), so a filtered view still sums integers.
    R"sql(
ALTER TABLE batches ADD COLUMN pointer TEXT;   -- "touch", "mouse"; NULL: not told
ALTER TABLE batches ADD COLUMN width TEXT;     -- "narrow", "medium", "wide"; NULL: not told
ALTER TABLE problems ADD COLUMN name TEXT NOT NULL DEFAULT '';  -- the latest seen, '' none
CREATE TABLE problem_days_by_device (
  day INTEGER NOT NULL,          -- UTC days since 1970-01-01 of received_at
  problem_id INTEGER NOT NULL,   -- problems.id
  pointer INTEGER NOT NULL DEFAULT 0,  -- device_codes.h: 0 unknown, 1 touch, 2 mouse
  width INTEGER NOT NULL DEFAULT 0,    -- 0 unknown, 1 narrow, 2 medium, 3 wide
  views INTEGER NOT NULL,        -- page views affected (first marks; v1: batches)
  signals INTEGER NOT NULL,
  events INTEGER NOT NULL,       -- the signals' counts added up
  PRIMARY KEY (day, problem_id, pointer, width)
) WITHOUT ROWID;
INSERT INTO problem_days_by_device (day, problem_id, pointer, width, views, signals, events)
SELECT day, problem_id, 0, 0, views, signals, events FROM problem_days ORDER BY day, problem_id;
DROP TABLE problem_days;
ALTER TABLE problem_days_by_device RENAME TO problem_days;
)sql",
    // 10: why (issue 16). A problem day's signals that told a cause, counted per cause beside
    // the problem day rather than in it: only kinds that carry causes have rows (form struggle
    // today, field_rules::kKindCauses), a new cause needs no new column, and problem_days and
    // the ranking that scans it are left as they were. Keyed like problem_days, so that the
    // device filters and retention by day apply alike.
    R"sql(
CREATE TABLE IF NOT EXISTS problem_cause_days (
  day INTEGER NOT NULL,
  problem_id INTEGER NOT NULL,
  pointer INTEGER NOT NULL DEFAULT 0,
  width INTEGER NOT NULL DEFAULT 0,
  cause TEXT NOT NULL,            -- detect/friction_cause.h, e.g. "validation_loop"
  signals INTEGER NOT NULL,
  PRIMARY KEY (day, problem_id, pointer, width, cause)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS problem_cause_days_by_problem ON problem_cause_days (problem_id, day);
)sql",
};

// Acknowledged means durable, power loss included: in WAL mode, synchronous = FULL syncs the log
// at every commit, before the collector answers. NORMAL would survive a crash of the process
// (kill -9) but could lose the last commits to a power cut, batches the SDK then never resends.
constexpr const char* kConnectionSettings = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
)sql";

// The views read weeks of rollups at a time: through SQLite's default 2 MB page cache that is
// one pread() per page, every time (most of a problems query's time, measured). Mapped, the
// pages are read from the OS's cache in place.
constexpr const char* kReadConnectionSettings = R"sql(
PRAGMA mmap_size = 268435456;
)sql";

// A batch waits at most this long for the dashboard's readers instead of failing at once.
constexpr int kBusyTimeoutMs = 5000;

std::string lastError(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

bool exec(sqlite3* db, const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  error = message ? message : lastError(db);
  sqlite3_free(message);
  return false;
}

// The whole number a PRAGMA answers with, or -1.
int pragmaValue(sqlite3* db, const char* pragma) {
  sqlite3_stmt* statement = nullptr;
  int value = -1;
  if (sqlite3_prepare_v2(db, pragma, -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW)
    value = sqlite3_column_int(statement, 0);
  sqlite3_finalize(statement);
  return value;
}

int userVersion(sqlite3* db) { return pragmaValue(db, "PRAGMA user_version"); }

bool migrate(sqlite3* db, std::string& error) {
  const int current = userVersion(db);
  const int latest = static_cast<int>(std::size(kMigrations));
  if (current < 0) {
    error = "cannot read the schema version";
    return false;
  }
  if (current > latest) {
    error = "the database has schema version " + std::to_string(current) +
            ", newer than this collector knows (" + std::to_string(latest) + ")";
    return false;
  }
  if (current == latest) return true;
  if (!exec(db, "BEGIN IMMEDIATE", error)) return false;
  for (int step = current; step < latest; ++step) {
    if (!exec(db, kMigrations[step], error)) {
      error = "schema step " + std::to_string(step + 1) + ": " + error;
      std::string ignored;
      exec(db, "ROLLBACK", ignored);
      return false;
    }
  }
  const std::string stamp = "PRAGMA user_version = " + std::to_string(latest);
  if (exec(db, stamp.c_str(), error) && exec(db, "COMMIT", error)) return true;
  std::string ignored;
  exec(db, "ROLLBACK", ignored);
  return false;
}

std::string columnText(sqlite3_stmt* statement, int column) {
  const auto* text = sqlite3_column_text(statement, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace

struct SignalStore::Statement {
  sqlite3_stmt* handle = nullptr;
  ~Statement() { sqlite3_finalize(handle); }
};

namespace {

// One use of a prepared statement. Resetting at the end matters: a read left open would pin
// an old snapshot and stop WAL checkpoints.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* handle) : handle_(handle) {}
  ~StatementUse() {
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  sqlite3_stmt* get() const { return handle_; }

 private:
  sqlite3_stmt* handle_;
};

}  // namespace

std::unique_ptr<SignalStore> SignalStore::open(const std::string& path, std::string& error) {
  sqlite3* db = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &db,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<SignalStore> store(new SignalStore(db, nullptr));  // closes db on every path
  if (opened != SQLITE_OK) {
    error = "cannot open database " + path + ": " + lastError(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (!exec(db, kConnectionSettings, error) || !migrate(db, error)) {
    error = "cannot open database " + path + ": " + error;
    return nullptr;
  }
  // The readers' connection opens once the schema is there.
  if (sqlite3_open_v2(path.c_str(), &store->read_db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + " for reading: " + lastError(store->read_db_);
    return nullptr;
  }
  sqlite3_busy_timeout(store->read_db_, kBusyTimeoutMs);
  if (!exec(store->read_db_, kReadConnectionSettings, error)) {
    error = "cannot open database " + path + " for reading: " + error;
    return nullptr;
  }
  if (!store->prepareAll(error)) {
    error = "cannot open database " + path + ": " + error;
    return nullptr;
  }
  store->outcomes_ = OutcomeStore::prepare(store->db_, store->read_db_, error);
  if (!store->outcomes_) {
    error = "cannot open database " + path + ": " + error;
    return nullptr;
  }
  store->problems_ = ProblemStore::prepare(store->read_db_, error);
  if (!store->problems_) {
    error = "cannot open database " + path + ": " + error;
    return nullptr;
  }
  store->help_ = HelpStore::prepare(store->db_, store->read_db_, error);
  if (!store->help_) {
    error = "cannot open database " + path + ": " + error;
    return nullptr;
  }
  return store;
}

SignalStore::SignalStore(sqlite3* db, sqlite3* read_db) : db_(db), read_db_(read_db) {}

SignalStore::~SignalStore() {
  // Statements must be finalized before the connection can close.
  insert_batch_.reset();
  insert_signal_.reset();
  count_signals_.reset();
  upsert_problem_.reset();
  upsert_problem_day_.reset();
  upsert_problem_cause_day_.reset();
  problems_.reset();
  outcomes_.reset();
  help_.reset();
  upsert_visit_total_.reset();
  upsert_visit_kind_.reset();
  select_visit_totals_.reset();
  select_visit_kinds_.reset();
  sqlite3_close(read_db_);
  sqlite3_close(db_);
}

bool SignalStore::prepareAll(std::string& error) {
  struct Prepared {
    std::unique_ptr<Statement>* slot;
    const char* sql;
    bool reads = true;  // prepared on the readers' connection
  };
  const Prepared statements[] = {
      {&insert_batch_,
       "INSERT INTO batches (received_at, site, sdk, dropped, signal_count, batch_id, pointer, "
       "width) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?7, ''), NULLIF(?8, ''))", false},
      {&insert_signal_,
       "INSERT INTO signals (received_at, site, kind, step, role, target, count, at_s, "
       "span_ms, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", false},
      {&count_signals_, "SELECT COUNT(*) FROM signals"},
      {&upsert_problem_,
       "INSERT INTO problems (site, step, kind, target, role, first_seen, last_seen, name) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7) ON CONFLICT (site, step, kind, target) DO UPDATE "
       "SET role = excluded.role, first_seen = MIN(first_seen, excluded.first_seen), "
       "last_seen = MAX(last_seen, excluded.last_seen), "
       // The latest name seen: a batch without one does not erase it.
       "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END RETURNING id",
       false},
      {&upsert_problem_day_,
       "INSERT INTO problem_days (day, problem_id, pointer, width, views, signals, events) "
       "VALUES (?1, ?2, ?5, ?6, ?7, ?3, ?4) ON CONFLICT (day, problem_id, pointer, width) DO "
       "UPDATE SET views = views + excluded.views, signals = signals + excluded.signals, "
       "events = events + excluded.events", false},
      {&upsert_problem_cause_day_,
       "INSERT INTO problem_cause_days (day, problem_id, pointer, width, cause, signals) "
       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day, problem_id, pointer, width, cause) DO "
       "UPDATE SET signals = signals + excluded.signals", false},
      {&upsert_visit_total_,
       "INSERT INTO visit_totals (site, step, epsilon, visits, first_seen, last_seen) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (site, step, epsilon) DO UPDATE SET "
       "visits = visits + excluded.visits, last_seen = excluded.last_seen", false},
      {&upsert_visit_kind_,
       "INSERT INTO visit_kinds (site, step, epsilon, kind, said_met) VALUES (?, ?, ?, ?, ?) "
       "ON CONFLICT (site, step, epsilon, kind) DO UPDATE SET "
       "said_met = said_met + excluded.said_met", false},
      {&select_visit_totals_,
       "SELECT site, step, epsilon, visits, first_seen, last_seen FROM visit_totals "
       "ORDER BY site, step, epsilon"},
      {&select_visit_kinds_, "SELECT site, step, epsilon, kind, said_met FROM visit_kinds"},
  };
  for (const auto& [slot, sql, reads] : statements) {
    *slot = std::make_unique<Statement>();
    sqlite3* db = reads ? read_db_ : db_;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &(*slot)->handle, nullptr) !=
        SQLITE_OK) {
      error = lastError(db);
      return false;
    }
  }
  return true;
}

SignalStore::Stored SignalStore::storeBatch(const ReceivedBatch& batch, int64_t received_at_ms,
                                            std::string& error) {
  // The intake refuses such an ε; a stored one would turn the step's estimates NaN.
  if (batch.epsilon != 0 && !isUsableLdpEpsilon(batch.epsilon)) {
    error = "unusable epsilon";
    return Stored::failed;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (!exec(db_, "BEGIN IMMEDIATE", error)) return Stored::failed;
  const int batch_row = insertBatchRow(batch, received_at_ms);
  bool ok = batch_row == SQLITE_DONE;
  for (size_t i = 0; ok && i < batch.signals.size(); ++i)
    ok = insertSignalRow(batch.site, batch.signals[i], received_at_ms);
  // What the batch adds to each rollup, by the rules both engines share (batch_rollup.h).
  const BatchRollup rollup = rollUp(batch);
  if (ok) ok = addProblemDays(batch.site, rollup, received_at_ms);
  if (ok) ok = addVisits(batch, rollup, received_at_ms);
  if (ok) ok = outcomes_->add(batch, rollup, received_at_ms);
  if (ok) ok = help_->add(batch.site, rollup, utcDayOf(received_at_ms));
  // The answer (2xx) goes out only after COMMIT returns: what was acknowledged is on disk.
  if (ok && exec(db_, "COMMIT", error)) {
    // Only once committed: a view reading the day before then reads it again after.
    if (!batch.signals.empty()) problems_->dayChanged(utcDayOf(received_at_ms));
    if (!batch.visits.empty()) outcomes_->dayChanged(utcDayOf(received_at_ms));
    return Stored::stored;
  }
  if (!ok) error = lastError(db_);
  std::string ignored;
  exec(db_, "ROLLBACK", ignored);
  return batch_row == SQLITE_CONSTRAINT ? Stored::duplicate : Stored::failed;
}

int SignalStore::insertBatchRow(const ReceivedBatch& batch, int64_t received_at_ms) {
  StatementUse row(insert_batch_->handle);
  sqlite3_bind_int64(row.get(), 1, received_at_ms);
  sqlite3_bind_text(row.get(), 2, batch.site.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 3, batch.sdk.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(row.get(), 4, batch.dropped);
  sqlite3_bind_int64(row.get(), 5, static_cast<int64_t>(batch.signals.size()));
  sqlite3_bind_text(row.get(), 6, batch.id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 7, batch.pointer.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 8, batch.width.c_str(), -1, SQLITE_TRANSIENT);
  return sqlite3_step(row.get());
}

bool SignalStore::insertSignalRow(const std::string& site, const ReceivedSignal& s,
                                  int64_t received_at_ms) {
  StatementUse row(insert_signal_->handle);
  sqlite3_bind_int64(row.get(), 1, received_at_ms);
  sqlite3_bind_text(row.get(), 2, site.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 3, s.kind.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 4, s.step.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 5, s.role.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(row.get(), 6, s.target.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(row.get(), 7, s.count);
  sqlite3_bind_int64(row.get(), 8, s.at_s);
  sqlite3_bind_int64(row.get(), 9, s.span_ms);
  sqlite3_bind_double(row.get(), 10, s.score);
  return sqlite3_step(row.get()) == SQLITE_DONE;
}

bool SignalStore::addProblemDays(const std::string& site, const BatchRollup& rollup,
                                 int64_t received_at_ms) {
  const int64_t day = utcDayOf(received_at_ms);
  for (const auto& [key, part] : rollup.problems) {
    const auto& [step, kind, target] = key;
    int64_t id = 0;
    {
      StatementUse problem(upsert_problem_->handle);
      sqlite3_stmt* p = problem.get();
      sqlite3_bind_text(p, 1, site.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(p, 2, step.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(p, 3, kind.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(p, 4, target.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(p, 5, part.role.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(p, 6, received_at_ms);
      sqlite3_bind_text(p, 7, part.name.c_str(), -1, SQLITE_TRANSIENT);  // "": keeps the last
      if (sqlite3_step(p) != SQLITE_ROW) return false;
      id = sqlite3_column_int64(p, 0);
      if (sqlite3_step(p) != SQLITE_DONE) return false;
    }
    StatementUse row(upsert_problem_day_->handle);
    sqlite3_bind_int64(row.get(), 1, day);
    sqlite3_bind_int64(row.get(), 2, id);
    sqlite3_bind_int64(row.get(), 3, part.signals);
    sqlite3_bind_int64(row.get(), 4, part.events);
    sqlite3_bind_int64(row.get(), 5, rollup.pointer);
    sqlite3_bind_int64(row.get(), 6, rollup.width);
    sqlite3_bind_int64(row.get(), 7, part.views);
    if (sqlite3_step(row.get()) != SQLITE_DONE) return false;
    for (const auto& [cause, signals] : part.causes) {
      StatementUse cause_row(upsert_problem_cause_day_->handle);
      sqlite3_stmt* c = cause_row.get();
      sqlite3_bind_int64(c, 1, day);
      sqlite3_bind_int64(c, 2, id);
      sqlite3_bind_int64(c, 3, rollup.pointer);
      sqlite3_bind_int64(c, 4, rollup.width);
      sqlite3_bind_text(c, 5, cause.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(c, 6, signals);
      if (sqlite3_step(c) != SQLITE_DONE) return false;
    }
  }
  return true;
}

bool SignalStore::addVisits(const ReceivedBatch& batch, const BatchRollup& rollup,
                            int64_t received_at_ms) {
  for (const auto& [step, part] : rollup.visits) {
    {
      StatementUse row(upsert_visit_total_->handle);
      sqlite3_bind_text(row.get(), 1, batch.site.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(row.get(), 2, step.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_double(row.get(), 3, batch.epsilon);
      sqlite3_bind_int64(row.get(), 4, part.visits);
      sqlite3_bind_int64(row.get(), 5, received_at_ms);
      if (sqlite3_step(row.get()) != SQLITE_DONE) return false;
    }
    for (const auto& [kind, count] : part.said_met) {
      StatementUse row(upsert_visit_kind_->handle);
      sqlite3_bind_text(row.get(), 1, batch.site.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(row.get(), 2, step.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_double(row.get(), 3, batch.epsilon);
      sqlite3_bind_text(row.get(), 4, kind.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(row.get(), 5, count);
      if (sqlite3_step(row.get()) != SQLITE_DONE) return false;
    }
  }
  return true;
}

std::vector<VisitSums> SignalStore::visitSums() {
  std::lock_guard<std::mutex> lock(read_mutex_);
  std::vector<VisitSums> rows;
  {
    StatementUse use(select_visit_totals_->handle);
    while (sqlite3_step(use.get()) == SQLITE_ROW) {
      VisitSums sums;
      sums.site = columnText(use.get(), 0);
      sums.step = columnText(use.get(), 1);
      sums.epsilon = sqlite3_column_double(use.get(), 2);
      sums.visits = sqlite3_column_int64(use.get(), 3);
      sums.first_seen_ms = sqlite3_column_int64(use.get(), 4);
      sums.last_seen_ms = sqlite3_column_int64(use.get(), 5);
      rows.push_back(std::move(sums));
    }
  }
  // Keyed on the site too: every site has a "/", and two sites' rows must never share counts.
  std::map<std::tuple<std::string, std::string, double>, size_t> row_of;
  for (size_t i = 0; i < rows.size(); ++i)
    row_of[{rows[i].site, rows[i].step, rows[i].epsilon}] = i;
  StatementUse use(select_visit_kinds_->handle);
  while (sqlite3_step(use.get()) == SQLITE_ROW) {
    const auto row = row_of.find(
        {columnText(use.get(), 0), columnText(use.get(), 1), sqlite3_column_double(use.get(), 2)});
    const auto kind = parseFrictionKind(columnText(use.get(), 3));
    // Added, not assigned: a count is never lost to another row's.
    if (row != row_of.end() && kind)
      rows[row->second].said_met[static_cast<size_t>(*kind)] += sqlite3_column_int64(use.get(), 4);
  }
  return rows;
}

std::vector<OutcomeSums> SignalStore::outcomeSums(int64_t from_day, int64_t to_day,
                                                  const std::string& site) {
  std::lock_guard<std::mutex> lock(read_mutex_);
  return outcomes_->sums(from_day, to_day, site);
}

HelpList SignalStore::help(const ProblemQuery& query) {
  std::lock_guard<std::mutex> lock(read_mutex_);
  return help_->list(query);
}

ProblemList SignalStore::problems(const ProblemQuery& query) {
  std::lock_guard<std::mutex> lock(read_mutex_);
  return problems_->problems(query);
}

int64_t SignalStore::totalSignals() {
  std::lock_guard<std::mutex> lock(read_mutex_);
  StatementUse use(count_signals_->handle);
  return sqlite3_step(use.get()) == SQLITE_ROW ? sqlite3_column_int64(use.get(), 0) : 0;
}

int SignalStore::synchronousLevel() {
  std::lock_guard<std::mutex> lock(mutex_);
  return pragmaValue(db_, "PRAGMA synchronous");
}

}  // namespace friction::collector
