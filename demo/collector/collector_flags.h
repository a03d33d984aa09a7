// The friction-collector command line.
#pragma once
#include <string>
#include <vector>

#include "collector_server.h"

namespace friction::collector {

struct CollectorFlags {
  std::string host = "127.0.0.1";  // local only unless asked: the demo has no authentication
  int port = 8080;                 // 0: any free port
  std::string root = ".";
  std::string db;                  // empty: <root>/demo/data/friction.db
  std::string allow_origin;
  std::vector<std::string> sites;  // "NAME=ORIGIN,..."
  double rate_limit = 1000;
  std::string trusted_proxies;     // "ADDR,ADDR"; none: X-Forwarded-* are ignored
  bool demo = false;
  ConnectionLimits connections;
  int retention_days = 90;
  bool help = false;
};

// Accepts "--flag value" and "--flag=value"; --demo and --help take none.
bool parseCollectorFlags(int argc, const char* const* argv, CollectorFlags& flags,
                         std::string& error);

std::string collectorUsage();

}  // namespace friction::collector
