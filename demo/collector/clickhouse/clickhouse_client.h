// ClickHouse over its HTTP interface (cpp-httplib), in SQL that 18.16 (Debian 12) and current
// servers both accept.
//
// Errors come back as values, never as exceptions: every call returns a Reply whose `outcome`
// tells apart
//   - unreachable: no answer (connection refused, connect or read timeout, connection dropped),
//     or ClickHouse saying that it could not reach a shard of a Distributed table. The request
//     may or may not have been carried out (a read timeout can follow a stored insert): acknowledge
//     nothing, and let the retry land on a table that stores a batch id once. The intake answers
//     503 with Retry-After, the dashboard says the store is unreachable.
//   - rejected: ClickHouse answered with an error (bad SQL, unknown table, bad row); `error` is
//     its exception text. Retrying the same request will not help.
//
// Thread safety: one client may be shared by any number of threads. Each call borrows a
// keep-alive connection from a small pool (or opens one), so concurrent calls run in parallel and
// sequential ones skip the TCP handshake.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "clickhouse_url.h"

namespace httplib {
class Client;
}

namespace friction::clickhouse {

using Json = nlohmann::json;
// ClickHouse settings, sent as URL parameters: {"insert_distributed_sync", "1"}.
using Settings = std::vector<std::pair<std::string, std::string>>;

struct ClientOptions {
  // A dashboard must not hang on a dead store: a refused connection fails at once, a silent
  // host after this.
  std::chrono::milliseconds connect_timeout{2000};
  // The longest a statement may run before the call reports it unreachable. Rollup queries
  // take well under a second; an insert of a few thousand rows a few tens of milliseconds.
  std::chrono::milliseconds read_timeout{5000};
  // Idle keep-alive connections kept for reuse; more concurrent calls open more, closed after.
  size_t max_idle_connections = 8;
};

enum class Outcome { ok, unreachable, rejected };

struct Reply {
  Outcome outcome = Outcome::ok;
  std::string error;  // empty when ok
  std::string body;   // what ClickHouse answered, when ok
  bool ok() const { return outcome == Outcome::ok; }
};

struct Rows {
  Outcome outcome = Outcome::ok;
  std::string error;
  std::vector<Json> rows;  // one JSON object per row, columns by name
  bool ok() const { return outcome == Outcome::ok; }
};

class ClickHouseClient {
 public:
  explicit ClickHouseClient(ClickHouseUrl url, ClientOptions options = {});
  ~ClickHouseClient();
  ClickHouseClient(const ClickHouseClient&) = delete;
  ClickHouseClient& operator=(const ClickHouseClient&) = delete;

  const ClickHouseUrl& url() const { return url_; }

  // GET /ping: whether the server answers at all.
  Reply ping();
  // CREATE DATABASE IF NOT EXISTS for the URL's database (the other calls run inside it, so it
  // must exist before them).
  Reply createDatabase();
  // One statement without rows back (DDL, ALTER, INSERT ... SELECT), in the URL's database.
  Reply execute(const std::string& statement, const Settings& settings = {});
  // A SELECT (without a FORMAT clause: FORMAT JSONEachRow is appended). 64-bit integers come
  // back as JSON numbers, exact (output_format_json_quote_64bit_integers=0; 18.16 quotes them
  // otherwise). The whole answer is buffered by the server (wait_end_of_query=1) so an error
  // half-way is a rejected reply, never rows cut short.
  Rows query(const std::string& select, const Settings& settings = {});
  // All `rows` in one INSERT INTO `table` FORMAT JSONEachRow (ClickHouse wants few, large
  // inserts). `table` is a plain name (isPlainName). Each row an object, columns by name. A
  // column left out gets its type's zero on 18.16, which ignores DEFAULT expressions there
  // (current servers apply them): send every column whose default is not zero. A key the table
  // lacks is rejected. A row that is not valid UTF-8 is rejected before anything is sent.
  Reply insert(const std::string& table, const std::vector<Json>& rows,
               const Settings& settings = {});

 private:
  struct Connection;
  Reply send(const std::string& target, const std::string& body, const Settings& settings,
              bool in_database);
  std::unique_ptr<Connection> borrow();
  void giveBack(std::unique_ptr<Connection> connection);

  ClickHouseUrl url_;
  ClientOptions options_;
  std::mutex idle_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

const char* outcomeName(Outcome outcome);  // "ok", "unreachable", "rejected"

}  // namespace friction::clickhouse
