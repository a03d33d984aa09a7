// clickhouse://[user[:password]@]host[:port]/database, as the collector's --store flag takes it.
#include <doctest/doctest.h>

#include "clickhouse_url.h"
#include "shared_servers.h"

using friction::clickhouse::parseClickHouseUrl;

namespace {

std::string errorFor(const char* text) {
  std::string error;
  auto url = parseClickHouseUrl(text, error);
  CHECK_MESSAGE(!url, text);
  return error;
}

}  // namespace

TEST_CASE("a ClickHouse URL: host, port and database, with defaults") {
  std::string error;
  auto full = parseClickHouseUrl("clickhouse://db.example.org:9123/friction", error);
  REQUIRE_MESSAGE(full, error);
  CHECK(full->host == "db.example.org");
  CHECK(full->port == 9123);
  CHECK(full->database == "friction");
  CHECK(full->user.empty());
  CHECK(full->password.empty());

  auto bare = parseClickHouseUrl("clickhouse://127.0.0.1", error);
  REQUIRE_MESSAGE(bare, error);
  CHECK(bare->host == "127.0.0.1");
  CHECK(bare->port == 8123);
  CHECK(bare->database == "default");

  auto slash = parseClickHouseUrl("clickhouse://ch-1/", error);
  REQUIRE_MESSAGE(slash, error);
  CHECK(slash->database == "default");

  auto ipv6 = parseClickHouseUrl("clickhouse://[::1]:8124/events_2", error);
  REQUIRE_MESSAGE(ipv6, error);
  CHECK(ipv6->host == "::1");
  CHECK(ipv6->port == 8124);
  CHECK(ipv6->database == "events_2");
}

TEST_CASE("a ClickHouse URL: user and password, percent-encoded where they must be") {
  std::string error;
  auto user = parseClickHouseUrl("clickhouse://writer@host/db", error);
  REQUIRE_MESSAGE(user, error);
  CHECK(user->user == "writer");
  CHECK(user->password.empty());

  auto both = parseClickHouseUrl("clickhouse://writer:s%40cr%3At@host:8123/db", error);
  REQUIRE_MESSAGE(both, error);
  CHECK(both->user == "writer");
  CHECK(both->password == "s@cr:t");
  CHECK(both->host == "host");

  // An unencoded '@' in the password: the last '@' ends the credentials.
  auto raw = parseClickHouseUrl("clickhouse://writer:p@ss@host/db", error);
  REQUIRE_MESSAGE(raw, error);
  CHECK(raw->password == "p@ss");
  CHECK(raw->host == "host");
}

TEST_CASE("a ClickHouse URL: anything else is refused, saying why") {
  CHECK(errorFor("http://host:8123/db").find("clickhouse://") != std::string::npos);
  CHECK(errorFor("clickhouses://host/db").find("clickhouse://") != std::string::npos);
  CHECK(errorFor("host:8123/db").find("clickhouse://") != std::string::npos);
  CHECK(errorFor("clickhouse://").find("host is empty") != std::string::npos);
  CHECK(errorFor("clickhouse:///db").find("host is empty") != std::string::npos);
  CHECK(errorFor("clickhouse://:8123/db").find("host is empty") != std::string::npos);
  CHECK(errorFor("clickhouse://user@/db").find("host is empty") != std::string::npos);
  CHECK(errorFor("clickhouse://host:0/db").find("port") != std::string::npos);
  CHECK(errorFor("clickhouse://host:65536/db").find("port") != std::string::npos);
  CHECK(errorFor("clickhouse://host:99999999999/db").find("port") != std::string::npos);
  CHECK(errorFor("clickhouse://host:8x23/db").find("port") != std::string::npos);
  CHECK(errorFor("clickhouse://host:/db").find("port") != std::string::npos);
  CHECK(errorFor("clickhouse://host:-1/db").find("port") != std::string::npos);
  CHECK(errorFor("clickhouse://host/my-db").find("database") != std::string::npos);
  CHECK(errorFor("clickhouse://host/db/table").find("database") != std::string::npos);
  CHECK(errorFor("clickhouse://host/d%20b").find("database") != std::string::npos);
  CHECK(errorFor("clickhouse://host/db;DROP").find("database") != std::string::npos);
  CHECK(errorFor("clickhouse://host/db?user=x").find("query") != std::string::npos);
  CHECK(errorFor("clickhouse://host/db#x").find("query") != std::string::npos);
  CHECK(errorFor("clickhouse://ho st/db").find("host") != std::string::npos);
  CHECK(errorFor("clickhouse://[::1/db").find("]") != std::string::npos);
  CHECK(errorFor("clickhouse://w:%zz@host/db").find("escape") != std::string::npos);
  CHECK(errorFor("clickhouse://:pw@host/db").find("user") != std::string::npos);
}

TEST_CASE("a ClickHouse URL names a real server: a client built from it reaches it") {
  auto& server = friction::testing::oneServer();
  std::string error;
  auto url = parseClickHouseUrl(server.url("url_test"), error);
  REQUIRE_MESSAGE(url, error);
  CHECK(url->port == server.ports().http);
  friction::clickhouse::ClickHouseClient client(*url);
  auto pong = client.ping();
  CHECK_MESSAGE(pong.ok(), pong.error);
  auto created = client.createDatabase();
  REQUIRE_MESSAGE(created.ok(), created.error);
  auto rows = client.query("SELECT currentDatabase() AS db");
  REQUIRE_MESSAGE(rows.ok(), rows.error);
  REQUIRE(rows.rows.size() == 1);
  CHECK(rows.rows[0]["db"] == "url_test");
}
