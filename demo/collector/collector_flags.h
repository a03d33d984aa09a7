// The friction-collector command line.
#pragma once
#include <string>
#include <vector>

#include "collector_server.h"

namespace friction::collector {

struct CollectorFlags {
  std::string host = "127.0.0.1";  // local only unless asked: writes are only as safe as --site
  int port = 8080;                 // 0: any free port
  std::string root = ".";
  std::string db;                  // empty: <root>/demo/data/friction.db
  std::string store;               // clickhouse://host:port/db; empty: SQLite in `db`
  std::string store_cluster;       // with --store: the ClickHouse cluster its tables span
  std::string allow_origin;
  std::vector<std::string> sites;  // "NAME=ORIGIN,..."
  double rate_limit = 1000;
  std::string trusted_proxies;     // "ADDR,ADDR"; none: X-Forwarded-* are ignored
  bool demo = false;
  ConnectionLimits connections;
  int retention_days = 90;
  std::string alert_webhook;  // http(s) URL alerts are POSTed to; empty: no alerts
  std::string dashboard_url;  // the dashboard's public URL, linked from alerts; empty: no links
  std::string access_token_file;        // else FRICTION_ACCESS_TOKEN; neither: views refused
  std::vector<std::string> host_names;  // empty: defaultHostNames(host)
  bool help = false;
};

// Accepts "--flag value" and "--flag=value"; --demo and --help take none.
bool parseCollectorFlags(int argc, const char* const* argv, CollectorFlags& flags,
                         std::string& error);

std::string collectorUsage();

// The token the views ask for: the file's first line, else FRICTION_ACCESS_TOKEN, else "".
// False and `error` when it cannot be read or is not 16..256 characters of [A-Za-z0-9._~-]
// (it travels in a URL and a cookie).
bool readAccessToken(const CollectorFlags& flags, std::string& token, std::string& error);

}  // namespace friction::collector
