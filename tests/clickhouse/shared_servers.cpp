#include "shared_servers.h"

#include <doctest/doctest.h>

namespace friction::testing {

PrivateClickHouse& oneServer() {
  static PrivateClickHouse server;
  return server;
}

PrivateClickHouseCluster& twoShards() {
  static PrivateClickHouseCluster cluster(2);
  return cluster;
}

std::unique_ptr<clickhouse::ClickHouseClient> clientIn(const PrivateClickHouse& server,
                                                       const std::string& database,
                                                       clickhouse::ClientOptions options) {
  std::string error;
  auto url = clickhouse::parseClickHouseUrl(server.url(database), error);
  REQUIRE_MESSAGE(url, error);
  auto client = std::make_unique<clickhouse::ClickHouseClient>(*url, options);
  auto created = client->createDatabase();
  REQUIRE_MESSAGE(created.ok(), created.error);
  return client;
}

}  // namespace friction::testing
