// Servers shared by the test files of clickhouse_tests: each starts on first use (about 3 s) and
// stops when the binary ends. Tests keep out of each other's way by database and table names.
#pragma once
#include <string>

#include "clickhouse_client.h"
#include "private_clickhouse.h"

namespace friction::testing {

PrivateClickHouse& oneServer();
// Two servers, the two shards of kPrivateClusterName.
PrivateClickHouseCluster& twoShards();

// A client of `server` in `database`, the database created.
std::unique_ptr<clickhouse::ClickHouseClient> clientIn(const PrivateClickHouse& server,
                                                       const std::string& database,
                                                       clickhouse::ClientOptions options = {});

}  // namespace friction::testing
