// The friction-collector command line.
#pragma once
#include <string>
#include <vector>

namespace friction::collector {

struct CollectorFlags {
  std::string host = "127.0.0.1";  // local only unless asked: the demo has no authentication
  int port = 8080;                 // 0: any free port
  std::string root = ".";
  std::string db;                  // empty: <root>/demo/data/friction.db
  std::string allow_origin;
  std::vector<std::string> sites;  // "NAME=ORIGIN,..."
  double rate_limit = 1000;
  bool help = false;
};

// Accepts "--flag value" and "--flag=value".
bool parseCollectorFlags(int argc, const char* const* argv, CollectorFlags& flags,
                         std::string& error);

std::string collectorUsage();

}  // namespace friction::collector
