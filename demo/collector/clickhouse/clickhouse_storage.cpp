#include "clickhouse_storage.h"

#include <future>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "anonymise/randomized_response.h"
#include "batch_rollup.h"
#include "clickhouse_schema.h"
#include "device_codes.h"
#include "handoff_text.h"
#include "problem_causes.h"
#include "problem_store.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

using clickhouse::Json;
using clickhouse::Outcome;
using clickhouse::Reply;

// The most batches one group of inserts carries: about 40,000 rows in all at 20 signals a batch,
// within what ClickHouse advises for one insert (10,000 to 100,000 rows).
constexpr size_t kMaxBatchesPerWrite = 2000;

// An SQL string literal: ClickHouse escapes with backslashes.
std::string sqlString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string dayLiteral(int64_t day) { return "toDate('" + formatUtcDay(day) + "')"; }

int64_t integer(const Json& row, const char* column) {
  const Json& value = row.at(column);
  return value.is_string() ? std::stoll(value.get<std::string>()) : value.get<int64_t>();
}

std::string text(const Json& row, const char* column) { return row.at(column).get<std::string>(); }

double real(const Json& row, const char* column) { return row.at(column).get<double>(); }

int64_t dayOf(const Json& row) {
  return parseUtcDay(text(row, "day")).value_or(0);
}

// " AND column = 'value'" when the filter is set.
std::string equalTo(const char* column, const std::string& value) {
  return value.empty() ? "" : std::string(" AND ") + column + " = " + sqlString(value);
}

std::string keyTuple(const Problem& p) {
  return "(" + sqlString(p.site) + ", " + sqlString(p.step) + ", " + sqlString(p.kind) + ", " +
         sqlString(p.target) + ")";
}

using ProblemKey = std::tuple<std::string, std::string, std::string, std::string>;

ProblemKey problemKeyOf(const Json& row) {
  return {text(row, "site"), text(row, "step"), text(row, "kind"), text(row, "target")};
}

// The rows a batch adds to each table, by table.
using TableRows = std::map<std::string, std::vector<Json>>;

TableRows rowsOf(const ReceivedBatch& b, int64_t at) {
  TableRows rows;
  const std::string day = formatUtcDay(utcDayOf(at));
  const BatchRollup rollup = rollUp(b);
  rows["batches"].push_back({{"day", day}, {"batch_id", b.id}, {"received_at", at},
                             {"site", b.site}, {"sdk", b.sdk}, {"dropped", b.dropped},
                             {"signal_count", b.signals.size()}, {"pointer", b.pointer},
                             {"width", b.width}});
  for (const auto& [key, part] : rollup.problems) {
    const auto& [step, kind, target] = key;
    rows["problem_days"].push_back(
        {{"day", day}, {"site", b.site}, {"step", step}, {"kind", kind}, {"target", target},
         {"pointer", rollup.pointer}, {"width", rollup.width}, {"batch_id", b.id},
         {"received_at", at}, {"role", part.role}, {"name", part.name},
         {"views", part.views}, {"signals", part.signals}, {"events", part.events}});
    for (const auto& [cause, signals] : part.causes)
      rows["problem_cause_days"].push_back(
          {{"day", day}, {"site", b.site}, {"step", step}, {"kind", kind}, {"target", target},
           {"pointer", rollup.pointer}, {"width", rollup.width}, {"cause", cause},
           {"batch_id", b.id}, {"signals", signals}});
  }
  for (const auto& [step, part] : rollup.visits) {
    rows["visit_days"].push_back({{"day", day}, {"site", b.site}, {"step", step},
                                  {"epsilon", b.epsilon}, {"batch_id", b.id},
                                  {"received_at", at}, {"visits", part.visits}});
    for (const auto& [kind, count] : part.said_met)
      rows["visit_kinds"].push_back({{"day", day}, {"site", b.site}, {"step", step},
                                     {"epsilon", b.epsilon}, {"kind", kind},
                                     {"batch_id", b.id}, {"said_met", count}});
  }
  for (const auto& [key, part] : rollup.outcomes) {
    const auto& [step, goal] = key;
    rows["outcome_days"].push_back({{"day", day}, {"site", b.site}, {"step", step},
                                    {"epsilon", b.epsilon}, {"goal", goal},
                                    {"batch_id", b.id}, {"views", part.views},
                                    {"quiet", part.quiet}});
    for (const auto& [kind, count] : part.said_met)
      rows["outcome_kinds"].push_back({{"day", day}, {"site", b.site}, {"step", step},
                                       {"epsilon", b.epsilon}, {"goal", goal}, {"kind", kind},
                                       {"batch_id", b.id}, {"said_met", count}});
  }
  for (const auto& [key, count] : rollup.help) {
    const auto& [step, kind, event] = key;
    rows["help_days"].push_back({{"day", day}, {"site", b.site}, {"step", step},
                                 {"kind", kind}, {"event", event}, {"batch_id", b.id},
                                 {"count", count}});
  }
  return rows;
}

// Whether every row can be sent: nlohmann refuses text that is not valid UTF-8, and the
// client would refuse the whole insert for it.
bool sendable(const TableRows& rows) {
  try {
    for (const auto& [table, table_rows] : rows)
      for (const Json& row : table_rows) (void)row.dump();
  } catch (const Json::type_error&) {
    return false;
  }
  return true;
}

}  // namespace

struct ClickHouseStorage::Pending {
  const ReceivedBatch* batch;
  int64_t received_at_ms;
  Stored result = Stored::failed;
  std::string error;
  bool done = false;
};

ClickHouseStorage::ClickHouseStorage(clickhouse::ClickHouseUrl url,
                                     clickhouse::ClientOptions options,
                                     clickhouse::SchemaLayout layout)
    : client_(std::move(url), options), layout_(std::move(layout)) {}

std::unique_ptr<ClickHouseStorage> ClickHouseStorage::open(const std::string& url,
                                                           std::string& error,
                                                           const std::string& cluster,
                                                           clickhouse::ClientOptions options) {
  auto parsed = clickhouse::parseClickHouseUrl(url, error);
  if (!parsed) return nullptr;
  if (!cluster.empty() && !clickhouse::isPlainName(cluster)) {
    error = "ClickHouse cluster name: letters, digits and _ only";
    return nullptr;
  }
  std::unique_ptr<ClickHouseStorage> storage(
      new ClickHouseStorage(*parsed, options, {parsed->database, cluster}));
  bool unreachable = false;
  if (!clickhouse::createSchema(storage->client_, storage->layout_, error, unreachable)) {
    if (unreachable) error += " (is ClickHouse running at " + parsed->host + ":" +
                              std::to_string(parsed->port) + "?)";
    return nullptr;
  }
  storage->writer_ = std::thread([raw = storage.get()] { raw->writeLoop(); });
  return storage;
}

ClickHouseStorage::~ClickHouseStorage() {
  {
    std::lock_guard<std::mutex> lock(queue_mutex_);
    stopping_ = true;
  }
  queued_.notify_all();
  if (writer_.joinable()) writer_.join();  // writes what was queued first
}

// --- Intake ---------------------------------------------------------------------------------

Reply ClickHouseStorage::insert(const std::string& table, const std::vector<Json>& rows) {
  // Through a Distributed table, the insert returns once every shard has its rows, not once
  // they are queued on this server: only then may a batch be acknowledged.
  if (layout_.distributed()) return client_.insert(table, rows, {{"insert_distributed_sync", "1"}});
  return client_.insert(table, rows);
}

Stored ClickHouseStorage::storeBatch(const ReceivedBatch& batch, int64_t received_at_ms,
                                     std::string& error) {
  // The intake refuses such an ε; a stored one would turn the step's estimates NaN.
  if (batch.epsilon != 0 && !isUsableLdpEpsilon(batch.epsilon)) {
    error = "unusable epsilon";
    return Stored::failed;
  }
  Pending pending{&batch, received_at_ms, Stored::failed, "", false};
  std::unique_lock<std::mutex> lock(queue_mutex_);
  if (stopping_) {
    error = "the collector is stopping";
    return Stored::unavailable;
  }
  queue_.push_back(&pending);
  queued_.notify_one();
  written_.wait(lock, [&] { return pending.done; });
  error = pending.error;
  return pending.result;
}

void ClickHouseStorage::writeLoop() {
  for (;;) {
    std::vector<Pending*> group;
    {
      std::unique_lock<std::mutex> lock(queue_mutex_);
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      while (!queue_.empty() && group.size() < kMaxBatchesPerWrite) {
        group.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    write(group);
    {
      std::lock_guard<std::mutex> lock(queue_mutex_);
      for (Pending* pending : group) pending->done = true;
    }
    written_.notify_all();
  }
}

void ClickHouseStorage::write(std::vector<Pending*>& group) {
  // Nothing of `pendings` is acknowledged: unreachable is worth a retry, refused is not.
  const auto fail = [](const std::vector<Pending*>& pendings, const Reply& reply) {
    for (Pending* pending : pendings) {
      pending->result =
          reply.outcome == Outcome::unreachable ? Stored::unavailable : Stored::failed;
      pending->error = "ClickHouse: " + reply.error;
    }
  };
  // A batch id twice in the group: the later ones are duplicates of the first.
  std::map<std::string, Pending*> first_of;
  std::vector<Pending*> repeats;
  for (Pending* pending : group) {
    if (!first_of.emplace(pending->batch->id, pending).second) repeats.push_back(pending);
  }
  // Ids stored already: retries whose answer was lost. (The tables' keys would collapse them
  // anyway; asking first spares the rows.)
  std::string ids;
  for (const auto& [id, pending] : first_of) ids += (ids.empty() ? "" : ", ") + sqlString(id);
  const auto known = client_.query("SELECT batch_id FROM batches WHERE batch_id IN (" + ids + ")");
  if (!known.ok()) {
    fail(group, {known.outcome, known.error, ""});
    return;
  }
  for (const Json& row : known.rows) {
    const auto at = first_of.find(text(row, "batch_id"));
    if (at == first_of.end()) continue;
    at->second->result = Stored::duplicate;
    first_of.erase(at);
  }

  TableRows rows;
  for (auto at = first_of.begin(); at != first_of.end();) {
    Pending* pending = at->second;
    TableRows batch_rows = rowsOf(*pending->batch, pending->received_at_ms);
    if (!sendable(batch_rows)) {
      // The intake's checks let no such text through; were one to come, it fails alone.
      pending->result = Stored::failed;
      pending->error = "a field of the batch is not valid UTF-8";
      at = first_of.erase(at);
      continue;
    }
    for (auto& [table, table_rows] : batch_rows)
      for (Json& row : table_rows) rows[table].push_back(std::move(row));
    ++at;
  }
  // The tables but `batches` at once, each insert on a connection of its own (a round costs
  // one insert's time, not eight); `batches` last: a batch id found stored means all of its
  // rows are.
  std::vector<std::future<Reply>> inserts;
  for (const char* table : clickhouse::kBatchTables) {
    const auto at = rows.find(table);
    if (at == rows.end() || at->first == "batches") continue;
    const std::vector<Json>* table_rows = &at->second;
    inserts.push_back(std::async(std::launch::async, [this, table, table_rows] {
      return insert(table, *table_rows);
    }));
  }
  Reply reply;
  for (auto& running : inserts) {
    Reply done = running.get();
    if (reply.ok() && !done.ok()) reply = std::move(done);
  }
  if (reply.ok() && rows.count("batches")) reply = insert("batches", rows.at("batches"));
  if (reply.outcome == Outcome::rejected && group.size() > 1) {
    // One batch ClickHouse refuses must not cost the others theirs: each alone, then. (Rows
    // of the group already in some tables are replaced by the same rows: same keys.)
    for (Pending* pending : group) {
      std::vector<Pending*> alone{pending};
      write(alone);
    }
    return;
  }
  if (!reply.ok()) {
    // Some tables may hold the group's rows already: a retry replaces them (same keys).
    // Nothing of the group is acknowledged, duplicates within it included.
    for (const auto& [id, pending] : first_of) repeats.push_back(pending);
    fail(repeats, reply);
    return;
  }
  for (const auto& [id, pending] : first_of) pending->result = Stored::stored;
  for (Pending* repeat : repeats) repeat->result = Stored::duplicate;
}

// --- Views ----------------------------------------------------------------------------------

std::vector<Json> ClickHouseStorage::rows(const std::string& select) {
  auto answer = client_.query(select);
  if (answer.outcome == Outcome::unreachable)
    throw StoreUnreachable("ClickHouse: " + answer.error);
  if (!answer.ok()) throw std::runtime_error("ClickHouse refused a view's query: " + answer.error);
  return std::move(answer.rows);
}

int64_t ClickHouseStorage::totalSignals() {
  const auto answer = rows("SELECT sum(signals) AS n FROM problem_days FINAL");
  return answer.empty() ? 0 : integer(answer.front(), "n");
}

std::vector<VisitSums> ClickHouseStorage::visitSums() {
  std::vector<VisitSums> out;
  std::map<std::tuple<std::string, std::string, double>, size_t> index;
  for (const Json& row :
       rows("SELECT site, step, epsilon, sum(visits) AS visits, min(received_at) AS first_seen, "
            "max(received_at) AS last_seen FROM visit_days FINAL GROUP BY site, step, epsilon "
            "ORDER BY site, step, epsilon")) {
    VisitSums sums;
    sums.site = text(row, "site");
    sums.step = text(row, "step");
    sums.epsilon = real(row, "epsilon");
    sums.visits = integer(row, "visits");
    sums.first_seen_ms = integer(row, "first_seen");
    sums.last_seen_ms = integer(row, "last_seen");
    index[{sums.site, sums.step, sums.epsilon}] = out.size();
    out.push_back(std::move(sums));
  }
  for (const Json& row :
       rows("SELECT site, step, epsilon, kind, sum(said_met) AS said_met FROM visit_kinds FINAL "
            "GROUP BY site, step, epsilon, kind")) {
    const auto at = index.find({text(row, "site"), text(row, "step"), real(row, "epsilon")});
    const auto kind = parseFrictionKind(text(row, "kind"));
    if (at != index.end() && kind)
      out[at->second].said_met[static_cast<size_t>(*kind)] += integer(row, "said_met");
  }
  return out;
}

ProblemList ClickHouseStorage::problems(const ProblemQuery& query) {
  ProblemList list;
  list.query = query;
  const int64_t days = query.to_day - query.from_day;
  if (days <= 0) return list;
  const int pointer = query.pointer.empty() ? -1 : pointerCode(query.pointer);
  const int width = query.width.empty() ? -1 : widthCode(query.width);
  if ((!query.pointer.empty() && pointer < 0) || (!query.width.empty() && width < 0)) return list;

  std::string device;
  if (pointer >= 0) device += " AND pointer = " + std::to_string(pointer);
  if (width >= 0) device += " AND width = " + std::to_string(width);
  const std::string from = dayLiteral(query.from_day);
  const std::string filters = equalTo("site", query.site) + equalTo("step", query.step) +
                              equalTo("kind", query.kind) + device;
  // Both periods in one pass; the same rule as the SQLite engine: problems seen in the range.
  const std::string sums =
      "SELECT site, step, kind, target, sumIf(views, day >= " + from + ") AS v, "
      "sumIf(views, day < " + from + ") AS pv, sumIf(signals, day >= " + from + ") AS s, "
      "sumIf(events, day >= " + from + ") AS e FROM problem_days FINAL WHERE day >= " +
      dayLiteral(query.from_day - days) + " AND day < " + dayLiteral(query.to_day) + filters +
      " GROUP BY site, step, kind, target";
  const std::string k = std::to_string(query.min_views);
  const auto hidden = rows("SELECT count() AS n FROM (" + sums + ") WHERE v > 0 AND v < " + k);
  list.hidden = hidden.empty() ? 0 : static_cast<size_t>(integer(hidden.front(), "n"));
  if (query.limit == 0) return list;

  std::map<ProblemKey, size_t> index;
  std::string keys;
  for (const Json& row : rows("SELECT * FROM (" + sums + ") WHERE v > 0 AND v >= " + k +
                              " ORDER BY v DESC, s DESC, site, step, kind, target LIMIT " +
                              std::to_string(query.limit))) {
    Problem problem;
    std::tie(problem.site, problem.step, problem.kind, problem.target) = problemKeyOf(row);
    problem.views = integer(row, "v");
    problem.previous_views = integer(row, "pv");
    problem.signals = integer(row, "s");
    problem.events = integer(row, "e");
    problem.trend = trendOf(problem.views, problem.previous_views);
    problem.daily_views.assign(static_cast<size_t>(days), 0);
    keys += (keys.empty() ? "" : ", ") + keyTuple(problem);
    index[problemKeyOf(row)] = list.problems.size();
    list.problems.push_back(std::move(problem));
  }
  if (list.problems.empty()) return list;

  // The few shown: their element as last seen and their dates over all days kept...
  const std::string shown = "(site, step, kind, target) IN (" + keys + ")";
  for (const Json& row :
       rows("SELECT site, step, kind, target, min(received_at) AS first_seen, "
            "max(received_at) AS last_seen, argMax(role, received_at) AS role, "
            "argMaxIf(name, received_at, name != '') AS name FROM problem_days WHERE " + shown +
            " GROUP BY site, step, kind, target")) {
    Problem& problem = list.problems[index.at(problemKeyOf(row))];
    problem.first_seen_ms = integer(row, "first_seen");
    problem.last_seen_ms = integer(row, "last_seen");
    problem.role = text(row, "role");
    problem.name = text(row, "name");
  }
  // ...and their page views day by day over the range, of the device class asked.
  for (const Json& row :
       rows("SELECT day, site, step, kind, target, sum(views) AS v FROM problem_days FINAL "
            "WHERE day >= " + from + " AND day < " + dayLiteral(query.to_day) + device +
            " AND " + shown + " GROUP BY day, site, step, kind, target")) {
    Problem& problem = list.problems[index.at(problemKeyOf(row))];
    const int64_t offset = dayOf(row) - query.from_day;
    if (offset >= 0 && offset < days)
      problem.daily_views[static_cast<size_t>(offset)] += integer(row, "v");
  }
  // ...and their signals per cause over the range (problem_causes.h), for kinds that carry some.
  std::map<ProblemKey, std::map<std::string, int64_t>> causes;
  for (const Json& row :
       rows("SELECT site, step, kind, target, cause, sum(signals) AS s FROM problem_cause_days "
            "FINAL WHERE day >= " + from + " AND day < " + dayLiteral(query.to_day) + device +
            " AND " + shown + " GROUP BY site, step, kind, target, cause"))
    causes[problemKeyOf(row)][text(row, "cause")] += integer(row, "s");
  for (const auto& [key, by_cause] : causes)
    list.problems[index.at(key)].causes = shownCauses(by_cause, query.min_views);
  return list;
}

std::vector<OutcomeSums> ClickHouseStorage::outcomeSums(int64_t from_day, int64_t to_day,
                                                        const std::string& site) {
  const std::string where = " FINAL WHERE day >= " + dayLiteral(from_day) + " AND day < " +
                            dayLiteral(to_day) + equalTo("site", site);
  std::vector<OutcomeSums> out;
  std::map<std::tuple<std::string, std::string, double, std::string>, size_t> index;
  for (const Json& row : rows("SELECT site, step, epsilon, goal, sum(views) AS views, "
                              "sum(quiet) AS quiet FROM outcome_days" + where +
                              " GROUP BY site, step, epsilon, goal "
                              "ORDER BY site, step, epsilon, goal")) {
    OutcomeSums sums;
    sums.site = text(row, "site");
    sums.step = text(row, "step");
    sums.epsilon = real(row, "epsilon");
    sums.goal = text(row, "goal");
    sums.views = integer(row, "views");
    sums.quiet = integer(row, "quiet");
    index[{sums.site, sums.step, sums.epsilon, sums.goal}] = out.size();
    out.push_back(std::move(sums));
  }
  for (const Json& row : rows("SELECT site, step, epsilon, goal, kind, sum(said_met) AS said_met "
                              "FROM outcome_kinds" + where +
                              " GROUP BY site, step, epsilon, goal, kind")) {
    const auto at = index.find(
        {text(row, "site"), text(row, "step"), real(row, "epsilon"), text(row, "goal")});
    const auto kind = parseFrictionKind(text(row, "kind"));
    if (at != index.end() && kind)
      out[at->second].said_met[static_cast<size_t>(*kind)] += integer(row, "said_met");
  }
  return out;
}

HelpList ClickHouseStorage::help(const ProblemQuery& query) {
  HelpGroups groups;
  for (const Json& row :
       rows("SELECT site, step, kind, event, sum(count) AS n FROM help_days FINAL WHERE day >= " +
            dayLiteral(query.from_day) + " AND day < " + dayLiteral(query.to_day) +
            equalTo("site", query.site) + equalTo("step", query.step) +
            equalTo("kind", query.kind) + " GROUP BY site, step, kind, event")) {
    const auto event = parseHelpEvent(text(row, "event"));
    if (!event) continue;
    HelpRow& group = groups[{text(row, "site"), text(row, "step"), text(row, "kind")}];
    group.events[static_cast<size_t>(*event)] += integer(row, "n");
  }
  return helpListOf(query, std::move(groups));
}

// --- Hand-offs, retention, alerts -------------------------------------------------------------

std::string ClickHouseStorage::createHandoff(const ReceivedHandoff& handoff, int64_t now_ms,
                                             std::string& error) {
  // 31^6 references: a clash within the hand-offs kept is unlikely enough not to ask first.
  const std::string reference = newReference();
  const Reply reply = insert(
      "handoffs", {{{"day", formatUtcDay(utcDayOf(now_ms))}, {"reference", reference},
                    {"site", handoff.site}, {"created_at", now_ms},
                    {"summary", summaryJson(handoff)}}});
  if (reply.outcome == Outcome::unreachable) throw StoreUnreachable("ClickHouse: " + reply.error);
  if (!reply.ok()) {
    error = "ClickHouse: " + reply.error;
    return "";
  }
  return reference;
}

std::vector<StoredHandoff> ClickHouseStorage::recentHandoffs(size_t limit) {
  std::vector<StoredHandoff> out;
  for (const Json& row : rows("SELECT reference, site, created_at, summary FROM handoffs "
                              "ORDER BY created_at DESC, reference DESC LIMIT " +
                              std::to_string(limit))) {
    StoredHandoff handoff;
    handoff.reference = text(row, "reference");
    handoff.site = text(row, "site");
    handoff.created_at_ms = integer(row, "created_at");
    handoff.summary = summaryOf(text(row, "summary").c_str());
    out.push_back(std::move(handoff));
  }
  return out;
}

int64_t ClickHouseStorage::deleteStoredBefore(int64_t cutoff_ms, std::string& error) {
  // Whole days go, the cutoff's own day stays: a partition is a day. On a cluster, this
  // shard's days: each shard's collectors drop their own.
  const std::string cutoff = dayLiteral(utcDayOf(cutoff_ms));
  int64_t deleted = 0;
  for (const char* name : clickhouse::kDayTables) {
    const std::string table = layout_.localTable(name);
    auto parts = client_.query(
        "SELECT partition, sum(rows) AS n FROM system.parts WHERE active AND "
        "database = currentDatabase() AND table = " + sqlString(table) +
        " AND toDate(partition) < " + cutoff + " GROUP BY partition");
    for (size_t i = 0; parts.ok() && i < parts.rows.size(); ++i) {
      const Reply dropped = client_.execute("ALTER TABLE " + table +
                                            " DROP PARTITION " +
                                            sqlString(text(parts.rows[i], "partition")));
      if (!dropped.ok()) {
        parts.outcome = dropped.outcome;
        parts.error = dropped.error;
        break;
      }
      deleted += integer(parts.rows[i], "n");
    }
    if (!parts.ok()) {
      error = "ClickHouse, dropping old days of " + table + ": " + parts.error;
      return -1;
    }
  }
  return deleted;
}

bool ClickHouseStorage::alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys,
                                          std::string& error) {
  const auto answer = client_.query(
      "SELECT site, step, kind, target FROM problem_alerts FINAL WHERE week > " +
      std::to_string(week_from_day - 7) + " AND week <= " + std::to_string(week_from_day));
  if (!answer.ok()) {
    error = "ClickHouse: " + answer.error;
    return false;
  }
  for (const Json& row : answer.rows)
    keys.insert({text(row, "site"), text(row, "step"), text(row, "kind"), text(row, "target")});
  return true;
}

bool ClickHouseStorage::recordAlerts(const std::vector<Problem>& alerts, int64_t week_from_day,
                                     int64_t sent_at_ms, std::string& error) {
  if (alerts.empty()) return true;
  std::vector<Json> rows;
  for (const Problem& p : alerts)
    rows.push_back({{"day", formatUtcDay(utcDayOf(sent_at_ms))}, {"site", p.site},
                    {"step", p.step}, {"kind", p.kind}, {"target", p.target},
                    {"week", week_from_day}, {"sent_at", sent_at_ms}});
  const Reply reply = insert("problem_alerts", rows);
  if (!reply.ok()) error = "ClickHouse: " + reply.error;
  return reply.ok();
}

}  // namespace friction::collector
