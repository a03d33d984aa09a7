#include "collector_flags.h"

#include "client_address.h"
#include "site_registry.h"
#include "webhook.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string_view>

namespace friction::collector {
namespace {

bool parsePort(const std::string& text, int& port) {
  if (text.empty() || text.size() > 5) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  port = std::atoi(text.c_str());
  return port <= 65535;
}

// A whole number in [low, high].
bool parseWhole(const std::string& text, int low, int high, int& out) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  out = std::atoi(text.c_str());
  return out >= low && out <= high;
}

}  // namespace

bool parseCollectorFlags(int argc, const char* const* argv, CollectorFlags& flags,
                         std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string name = argv[i], value;
    if (name == "--help" || name == "-h") {
      flags.help = true;
      continue;
    }
    if (name == "--demo") {
      flags.demo = true;
      continue;
    }
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      error = name + " needs a value";
      return false;
    }
    if (name == "--port") {
      if (!parsePort(value, flags.port)) return (error = "--port must be 0..65535"), false;
    } else if (name == "--host") {
      flags.host = value;
    } else if (name == "--db") {
      flags.db = value;
    } else if (name == "--store") {
      if (value.rfind("clickhouse://", 0) != 0)
        return (error = "--store takes clickhouse://host:8123/database (SQLite is --db)"), false;
      flags.store = value;
    } else if (name == "--store-cluster") {
      flags.store_cluster = value;
    } else if (name == "--root") {
      flags.root = value;
    } else if (name == "--allow-origin") {
      if (!isOrigin(value))
        return (error = "--allow-origin must be an origin like https://shop.example"), false;
      flags.allow_origin = value;
    } else if (name == "--site") {
      SiteRegistry check;
      if (!check.add(value, error)) return false;
      flags.sites.push_back(value);
    } else if (name == "--access-token-file") {
      flags.access_token_file = value;
    } else if (name == "--host-name") {
      for (size_t start = 0; start <= value.size();) {
        const size_t comma = std::min(value.find(',', start), value.size());
        if (comma == start) return (error = "--host-name must be NAME[,NAME...]"), false;
        flags.host_names.push_back(value.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (name == "--rate-limit") {
      char* end = nullptr;
      flags.rate_limit = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || !(flags.rate_limit > 0) || flags.rate_limit > 1e6)
        return (error = "--rate-limit must be a number of requests per second above 0"), false;
    } else if (name == "--trusted-proxy") {
      TrustedProxies check;
      if (!check.add(value, error)) return false;
      flags.trusted_proxies += (flags.trusted_proxies.empty() ? "" : ",") + value;
    } else if (name == "--read-timeout") {
      if (!parseWhole(value, 1, 3600, flags.connections.read_timeout_s))
        return (error = "--read-timeout must be 1..3600 seconds"), false;
    } else if (name == "--write-timeout") {
      if (!parseWhole(value, 1, 3600, flags.connections.write_timeout_s))
        return (error = "--write-timeout must be 1..3600 seconds"), false;
    } else if (name == "--keep-alive-timeout") {
      if (!parseWhole(value, 1, 3600, flags.connections.keep_alive_timeout_s))
        return (error = "--keep-alive-timeout must be 1..3600 seconds"), false;
    } else if (name == "--keep-alive-max") {
      if (!parseWhole(value, 1, 100000, flags.connections.keep_alive_max))
        return (error = "--keep-alive-max must be 1..100000 requests"), false;
    } else if (name == "--retention-days") {
      if (!parseWhole(value, 0, 100000, flags.retention_days))
        return (error = "--retention-days must be a whole number of days (0: keep all)"), false;
    } else if (name == "--alert-webhook") {
      WebhookUrl url;
      if (!parseWebhookUrl(value, url, error)) return (error = "--alert-webhook: " + error), false;
      flags.alert_webhook = value;
    } else if (name == "--dashboard-url") {
      if (!isHttpUrl(value))
        return (error = "--dashboard-url must be an http or https URL, like "
                        "https://friction.example/dashboard"), false;
      flags.dashboard_url = value;
    } else {
      error = "unknown flag " + name;
      return false;
    }
  }
  if (!flags.store_cluster.empty() && flags.store.empty())
    return (error = "--store-cluster needs --store clickhouse://..."), false;
  if (!flags.store.empty() && !flags.db.empty())
    return (error = "--db and --store name two stores: give one"), false;
  return true;
}

std::string collectorUsage() {
  return "usage: friction-collector [--port 8080] [--host 127.0.0.1] [--root DIR]\n"
         "                          [--db FILE | --store clickhouse://HOST:PORT/DB\n"
         "                          [--store-cluster NAME]]\n"
         "                          [--allow-origin ORIGIN]\n"
         "                          [--site NAME=ORIGIN[,ORIGIN...]]... [--rate-limit N]\n"
         "                          [--trusted-proxy ADDR[,ADDR...]] [--retention-days N]\n"
         "                          [--read-timeout S] [--write-timeout S]\n"
         "                          [--keep-alive-timeout S] [--keep-alive-max N] [--demo]\n"
         "                          [--access-token-file FILE] [--host-name NAME[,NAME...]]\n"
         "                          [--alert-webhook URL [--dashboard-url URL]]\n"
         "  --port          port to listen on (0: any free port)\n"
         "  --host          address to listen on\n"
         "  --root          the friction repo; demo/shop and dist/ are served from it (default .)\n"
         "  --db            SQLite file (default ROOT/demo/data/friction.db)\n"
         "  --store         ClickHouse instead of SQLite, through its HTTP interface, e.g.\n"
         "                  clickhouse://127.0.0.1:8123/friction (user:password@ allowed);\n"
         "                  the collector creates its tables there\n"
         "  --store-cluster with --store: write and read through Distributed tables over\n"
         "                  the shards of this cluster (the servers' remote_servers); the\n"
         "                  collector creates the local tables of the server it talks to\n"
         "  --allow-origin  another origin given CORS headers (writes still need --site)\n"
         "  --site          take batches for the sites named this way, each from pages of its\n"
         "                  own origins; repeat for each site (default: none, no batch taken)\n"
         "  --rate-limit    POSTs per second per client address, in bursts of twice that\n"
         "                  (default 1000)\n"
         "  --trusted-proxy reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are\n"
         "                  believed (default: none; the peer's address is the client's)\n"
         "  --retention-days  delete what was stored more than N days ago, at start and every\n"
         "                  hour (default 90; 0 keeps everything)\n"
         "  --read-timeout  drop a client silent this many seconds mid-request (default 5)\n"
         "  --write-timeout drop a client not reading its answer this long (default 5)\n"
         "  --keep-alive-timeout  close an idle kept-alive connection after S s (default 5)\n"
         "  --keep-alive-max  requests on one connection before it is closed (default 100)\n"
         "  --demo          also serve the demo shop's pages and its API (default: off)\n"
         "  --access-token-file  a file whose first line is the token the dashboard, agent\n"
         "                  view, /v1/summary and /v1/problems ask for (default: FRICTION_ACCESS_TOKEN;\n"
         "                  neither: the views are refused)\n"
         "  --host-name     NAME[,NAME...]: the Host names the views answer to (default: the\n"
         "                  --host address, localhost, 127.0.0.1, [::1])\n"
         "  --alert-webhook POST new and worsening problems (20 page views a week at least) to\n"
         "                  this http(s) URL, e.g. a Slack incoming webhook, at start and every\n"
         "                  hour; once per problem per week (default: no alerts)\n"
         "  --dashboard-url the dashboard's public URL (https://.../dashboard): alerts link\n"
         "                  to it, filtered to each problem (default: no links)\n";
}

bool readAccessToken(const CollectorFlags& flags, std::string& token, std::string& error) {
  token.clear();
  if (!flags.access_token_file.empty()) {
    std::ifstream file(flags.access_token_file);
    if (!file || !std::getline(file, token)) {
      error = "cannot read the access token from " + flags.access_token_file;
      return false;
    }
    if (!token.empty() && token.back() == '\r') token.pop_back();
  } else if (const char* env = std::getenv("FRICTION_ACCESS_TOKEN")) {
    token = env;
  }
  if (token.empty() && flags.access_token_file.empty()) return true;
  bool ok = token.size() >= 16 && token.size() <= 256;
  for (char c : token)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '~' || c == '-');
  if (!ok) error = "the access token must be 16 to 256 characters of [A-Za-z0-9._~-]";
  return ok;
}

}  // namespace friction::collector
