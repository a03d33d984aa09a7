// Reads the dashboard in a loop, as a product team with the page open and a script polling the
// API would, until a stop file appears: collector_bench.sh runs it beside an ingest run to see
// what reading costs intake. Prints the reads made and their latency.
//
//   dashboard_reader --port P --token-file T --stop-file F
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  int port = 0;
  std::string stop_file, token;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--port") port = std::atoi(argv[i + 1]);
    else if (flag == "--stop-file") stop_file = argv[i + 1];
    else if (flag == "--token-file") std::ifstream(argv[i + 1]) >> token;
  }
  if (port <= 0 || stop_file.empty() || token.empty()) {
    std::fprintf(stderr, "usage: dashboard_reader --port P --token-file T --stop-file F\n");
    return 2;
  }
  // The first view of the page, then the exports of the same range: each a full read of the
  // rollups, as the views are.
  const char* const kPaths[] = {"/dashboard", "/v1/problems?format=json",
                                "/v1/problems?format=csv", "/v1/summary"};
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_read_timeout(10, 0);
  client.set_bearer_token_auth(token);
  std::vector<double> latencies_ms;
  int failed = 0;
  for (size_t n = 0; !std::filesystem::exists(stop_file); ++n) {
    const auto start = std::chrono::steady_clock::now();
    const auto res = client.Get(kPaths[n % std::size(kPaths)]);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (res && res->status == 200) {
      latencies_ms.push_back(ms);
    } else if (failed++ == 0) {
      std::fprintf(stderr, "dashboard_reader: GET %s: %s\n", kPaths[n % std::size(kPaths)],
                   res ? std::to_string(res->status).c_str() : httplib::to_string(res.error()).c_str());
    }
  }
  std::sort(latencies_ms.begin(), latencies_ms.end());
  const auto at = [&](double q) {
    return latencies_ms.empty() ? 0.0 : latencies_ms[static_cast<size_t>(q * (latencies_ms.size() - 1))];
  };
  std::printf("reads beside it: %zu answered, %d failed; latency p50 %.1f ms, p95 %.1f ms\n",
              latencies_ms.size(), failed, at(0.5), at(0.95));
  return failed == 0 ? 0 : 1;
}
