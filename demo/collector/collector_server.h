// The collector as an HTTP server: the signal intake, the summary and dashboard, and the demo's
// static files (shop pages and the built SDK), all on one origin.
#pragma once
#include <httplib.h>

#include <filesystem>
#include <string>
#include <vector>

namespace friction::collector {

// How long a client may take, and how long a connection may be kept: a slow or idle client
// gives its worker thread back after these.
struct ConnectionLimits {
  int read_timeout_s = 5;        // per read: a client silent this long is dropped
  int write_timeout_s = 5;       // per write: a client not reading this long is dropped
  int keep_alive_timeout_s = 5;  // an idle kept-alive connection is closed after this
  int keep_alive_max = 100;      // requests on one connection, then it is closed
};

struct CollectorOptions {
  std::filesystem::path root;  // the repo: demo/shop, demo/dashboard and dist/ are served from it
  std::string db_path;
  std::string allow_origin;    // another origin given CORS headers; its writes still need a site
  std::vector<std::string> sites;  // "NAME=ORIGIN,..." (site_registry.h); none: no writes
  // POSTs per second per client address, bursts of twice that.
  double rate_limit_per_second = 1000;
  // Reverse proxies whose X-Forwarded-For/-Proto are believed: "ADDR,ADDR" (none by default).
  std::string trusted_proxies;
  bool demo = false;  // the shop's pages and its API (/shop/api/...) exist only in the demo
  ConnectionLimits connections;
  // Older batches, signals, problem days, visit sums and hand-offs are deleted.
  int retention_days = 90;
  // Where alerts on new and worsening problems are POSTed (alert_watcher.h); empty: none. The
  // dashboard's public URL, for links in them; empty: no links.
  std::string alert_webhook;
  std::string dashboard_url;
  // What the views (dashboard, agent view, summary and problems APIs) ask for (view_access.h);
  // empty: the views are refused.
  std::string access_token;
  // The Host names the views answer to; empty: defaultHostNames("127.0.0.1").
  std::vector<std::string> host_names;
  std::string store_url;  // clickhouse://...: ClickHouse instead of SQLite in db_path
  std::string store_cluster;  // with store_url: the cluster its Distributed tables span
};

// Every HTML page is served with this policy; the dashboard and shop are written to fit it.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'";

// Opens the database and registers every route on `server`. False (and `error`) if the
// database cannot be opened. The server keeps the database open for as long as it lives.
bool setUpCollector(httplib::Server& server, const CollectorOptions& options, std::string& error);

}  // namespace friction::collector
