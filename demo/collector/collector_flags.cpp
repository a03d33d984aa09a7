#include "collector_flags.h"

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

}  // namespace

bool parseCollectorFlags(int argc, const char* const* argv, CollectorFlags& flags,
                         std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string name = argv[i], value;
    if (name == "--help" || name == "-h") {
      flags.help = true;
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
         "  --port          port to listen on (0: any free port)\n"
         "  --host          address to listen on\n"
         "  --root          the friction repo; demo/shop and dist/ are served from it (default .)\n"
         "  --db            SQLite file (default ROOT/demo/data/friction.db)\n"
         "  --allow-origin  another origin allowed to POST /v1/signals (default: same origin)\n"
         "  --site          take batches only for the sites named this way, each from its own\n"
         "                  origins (and the collector's); repeat for each site (default: any)\n"
         "  --rate-limit    POSTs per second per origin, in bursts of twice that (default 1000)\n";
}

}  // namespace friction::collector
