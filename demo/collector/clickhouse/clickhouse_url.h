// Where a ClickHouse store is: clickhouse://[user[:password]@]host[:port]/database, as given to
// the collector (`--store clickhouse://127.0.0.1:8123/friction`). The port is ClickHouse's HTTP
// interface (8123 unless said); user and password may be percent-encoded (`%40` for `@`).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace friction::clickhouse {

inline constexpr int kDefaultHttpPort = 8123;
inline constexpr const char* kDefaultDatabase = "default";

struct ClickHouseUrl {
  std::string user;      // empty: ClickHouse's `default` user, no credentials sent
  std::string password;
  std::string host;      // a name or IPv4 address, or an IPv6 address without its brackets
  int port = kDefaultHttpPort;
  std::string database = kDefaultDatabase;
};

// The parsed URL, or nullopt with `error` saying what is wrong ("clickhouse URL: ...").
std::optional<ClickHouseUrl> parseClickHouseUrl(std::string_view text, std::string& error);

// [A-Za-z0-9_]+: the names this client puts into SQL and URLs unquoted.
bool isPlainName(std::string_view name);

}  // namespace friction::clickhouse
