// The two ways a call fails, told apart: ClickHouse unreachable (the intake answers 503 and the
// SDK retries) or ClickHouse refusing the request (a bug or bad data: retrying will not help).
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "shared_servers.h"

using friction::clickhouse::ClickHouseClient;
using friction::clickhouse::ClientOptions;
using friction::clickhouse::Json;
using friction::clickhouse::Outcome;
using friction::clickhouse::outcomeName;
using friction::testing::clientIn;
using friction::testing::oneServer;
using Clock = std::chrono::steady_clock;

TEST_CASE("bad SQL and unknown tables are rejected with ClickHouse's own message") {
  auto client = clientIn(oneServer(), "errors_test");
  auto bad = client->execute("SELEKT 1");
  CHECK(bad.outcome == Outcome::rejected);
  CHECK_MESSAGE(bad.error.find("Syntax error") != std::string::npos, bad.error);

  auto missing = client->query("SELECT count() FROM no_such_table");
  CHECK(missing.outcome == Outcome::rejected);
  CHECK_MESSAGE(missing.error.find("no_such_table") != std::string::npos, missing.error);
  CHECK_MESSAGE(missing.error.find("doesn't exist") != std::string::npos, missing.error);

  REQUIRE(client->execute("CREATE TABLE typed (id UInt32) ENGINE = MergeTree ORDER BY id").ok());
  auto wrong = client->insert("typed", {{{"id", "not a number"}}});
  CHECK(wrong.outcome == Outcome::rejected);
  CHECK(!wrong.error.empty());

  // Refused here, before anything is sent.
  CHECK(client->insert("typed; DROP TABLE typed", {{{"id", 1}}}).outcome == Outcome::rejected);
  auto not_utf8 = client->insert("typed", {{{"id", 1}, {"name", std::string("\xff\xfe")}}});
  CHECK(not_utf8.outcome == Outcome::rejected);
  CHECK_MESSAGE(not_utf8.error.find("row 0") != std::string::npos, not_utf8.error);
  auto count = client->query("SELECT count() AS n FROM typed");
  REQUIRE(count.ok());
  CHECK(count.rows[0]["n"] == 0);
}

TEST_CASE("a stopped server is unreachable at once; started again, it has kept its rows") {
  auto& server = oneServer();
  auto client = clientIn(server, "errors_test");
  REQUIRE(client->execute("CREATE TABLE kept (id UInt32) ENGINE = MergeTree ORDER BY id").ok());
  REQUIRE(client->insert("kept", {{{"id", 1}}, {{"id", 2}}}).ok());

  server.stop();
  const auto before = Clock::now();
  auto down = client->insert("kept", {{{"id", 3}}});
  auto ping = client->ping();
  auto read = client->query("SELECT count() AS n FROM kept");
  const auto took = Clock::now() - before;
  CHECK_MESSAGE(down.outcome == Outcome::unreachable, outcomeName(down.outcome), ": ", down.error);
  CHECK(ping.outcome == Outcome::unreachable);
  CHECK(read.outcome == Outcome::unreachable);
  CHECK_MESSAGE(down.error.find("unreachable") != std::string::npos, down.error);
  // A refused connection: no timeout to wait for (three calls, well under one connect timeout).
  CHECK(took < ClientOptions{}.connect_timeout);

  server.start();
  auto back = client->query("SELECT count() AS n FROM kept");
  REQUIRE_MESSAGE(back.ok(), back.error);
  CHECK(back.rows[0]["n"] == 2);
}

TEST_CASE("a query slower than the read timeout is unreachable, after that timeout") {
  ClientOptions quick;
  quick.read_timeout = std::chrono::milliseconds(500);
  auto client = clientIn(oneServer(), "errors_test", quick);
  const auto before = Clock::now();
  auto slow = client->query("SELECT sleep(2) AS slept");
  const auto took = Clock::now() - before;
  CHECK_MESSAGE(slow.outcome == Outcome::unreachable, outcomeName(slow.outcome), ": ", slow.error);
  CHECK(took >= quick.read_timeout);
  CHECK(took < std::chrono::milliseconds(1900));
  // The next call is answered as usual.
  auto next = client->query("SELECT 1 AS one");
  REQUIRE_MESSAGE(next.ok(), next.error);
  CHECK(next.rows[0]["one"] == 1);
}

TEST_CASE("a port where nothing listens, and a listener that never answers, are unreachable") {
  // A socket bound and listening but never accepting: the kernel completes the handshake, no
  // answer ever comes (a hung server).
  int silent = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(silent >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  REQUIRE(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(listen(silent, 8) == 0);
  REQUIRE(getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  const int port = ntohs(address.sin_port);

  friction::clickhouse::ClickHouseUrl url;
  url.host = "127.0.0.1";
  url.port = port;
  ClientOptions quick;
  quick.read_timeout = std::chrono::milliseconds(300);
  ClickHouseClient hung(url, quick);
  const auto before = Clock::now();
  auto answer = hung.execute("SELECT 1");
  CHECK(answer.outcome == Outcome::unreachable);
  CHECK(Clock::now() - before < std::chrono::seconds(2));
  close(silent);

  ClickHouseClient nobody(url, quick);  // the port is closed now
  CHECK(nobody.ping().outcome == Outcome::unreachable);
}
