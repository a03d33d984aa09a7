#include "collector_flags.h"

#include "client_address.h"
#include "site_registry.h"

#include <cstdlib>
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
    } else {
      error = "unknown flag " + name;
      return false;
    }
  }
  return true;
}

std::string collectorUsage() {
  return "usage: friction-collector [--port 8080] [--host 127.0.0.1] [--root DIR]\n"
         "                          [--db FILE] [--allow-origin ORIGIN]\n"
         "                          [--site NAME=ORIGIN[,ORIGIN...]]... [--rate-limit N]\n"
         "                          [--trusted-proxy ADDR[,ADDR...]] [--retention-days N]\n"
         "                          [--read-timeout S] [--write-timeout S]\n"
         "                          [--keep-alive-timeout S] [--keep-alive-max N] [--demo]\n"
         "  --port          port to listen on (0: any free port)\n"
         "  --host          address to listen on\n"
         "  --root          the friction repo; demo/shop and dist/ are served from it (default .)\n"
         "  --db            SQLite file (default ROOT/demo/data/friction.db)\n"
         "  --allow-origin  another origin allowed to POST /v1/signals (default: same origin)\n"
         "  --site          take batches only for the sites named this way, each from its own\n"
         "                  origins (and the collector's); repeat for each site (default: any)\n"
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
         "  --demo          also serve the demo shop's pages and its API (default: off)\n";
}

}  // namespace friction::collector
