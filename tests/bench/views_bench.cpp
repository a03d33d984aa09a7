// How fast every view answers over HTTP on a big database: the dashboard (first view, and
// filtered), the problems API in JSON and CSV, the summary, conversion and help, on a
// collector holding the raw
// signals, their day rollups (tests/bench/synthetic_problems.h) and visit tallies stored as
// intake stores them. The size is
//   views_bench 10000000 1000000   (10 M signals, 1 M visit tallies: several minutes to build)
// Usage: views_bench [SIGNALS [VISIT_TALLIES [REQUESTS_PER_VIEW]]].
// With VIEWS_BENCH_DB=file, the database is built there once and kept, and later runs with
// that variable reuse it (for trying a change without minutes of building each time).
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "collector_server.h"
#include "anonymise/randomized_response.h"
#include "signal_store.h"
#include "synthetic_problems.h"
#include "utc_day.h"

namespace fs = std::filesystem;
using namespace friction::collector;
using namespace friction::bench;
using friction::ReceivedBatch;
using friction::ReceivedVisit;

namespace {

constexpr const char* kToken = "views-bench-token-0123456789abcdef";
// Tallies per stored batch. The SDK sends at most 100 (signals/visit_tally.h); the store sums
// them either way, and a tenth of the commits builds a million tallies in minutes, not ten.
constexpr int kTalliesPerBatch = 1000;

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// `count` tallies over the synthetic steps, through the store as intake stores them: 1 in 5
// randomized at ε = ln 3 (told before the visitor answered), the others exact.
void storeTallies(const std::string& path, int64_t count) {
  std::string error;
  auto store = SignalStore::open(path, error);
  if (!store) {
    std::fprintf(stderr, "views_bench: %s\n", error.c_str());
    std::exit(1);
  }
  std::mt19937 random(5);
  for (int64_t stored = 0, batch_number = 0; stored < count; ++batch_number) {
    ReceivedBatch batch;
    batch.site = siteName(static_cast<int>(batch_number % kSites));
    batch.sdk = "0.1.0";
    batch.id = std::to_string(batch_number);
    batch.id.insert(0, 32 - batch.id.size(), '0');
    batch.epsilon = batch_number % 5 == 0 ? 1.0986 : 0;
    const double yes = friction::truthProbability(1.0986);
    for (int i = 0; i < kTalliesPerBatch && stored < count; ++i, ++stored) {
      ReceivedVisit visit;
      visit.step = stepName(static_cast<int>(random() % kSteps));
      // A tenth met one kind. A randomized tally answers for every kind, as the SDK's do
      // (anonymise/randomized_response.h): the estimate, and its cost, are then the real ones.
      const int met = random() % 10 == 0 ? static_cast<int>(random() % kKinds) : -1;
      for (int kind = 0; kind < kKinds; ++kind) {
        const bool truth = kind == met;
        const bool said = batch.epsilon == 0
                              ? truth
                              : std::uniform_real_distribution<double>(0, 1)(random) <
                                    (truth ? yes : 1 - yes);
        if (said) visit.met.push_back(kKindNames[kind]);
      }
      // Exact tallies tell whether help was asked: here it never was.
      if (batch.epsilon == 0) visit.help = 0;
      // About a quarter of the views are told again because the tab went on to the goal.
      if (random() % 4 == 0) {
        ReceivedVisit followed = visit;
        followed.goal = "purchase";
        batch.visits.push_back(std::move(followed));
      }
      batch.visits.push_back(std::move(visit));
    }
    // With signals consent (exact batches), what became of a few help offers.
    static const char* const kEvents[] = {"offered", "opened", "dismissed", "moved_on", "solved"};
    for (int i = 0; batch.epsilon == 0 && i < 3; ++i)
      batch.help.push_back({stepName(static_cast<int>(random() % kSteps)),
                            kKindNames[random() % kKinds], kEvents[random() % 5]});
    const int64_t at = (kFirstDay + static_cast<int64_t>(random() % kDays)) * kMsPerUtcDay;
    if (store->storeBatch(batch, at, error) == SignalStore::Stored::failed) {
      std::fprintf(stderr, "views_bench: %s\n", error.c_str());
      std::exit(1);
    }
  }
}

struct View {
  const char* label;
  std::string path;
};

void timeView(httplib::Client& client, const View& view, int requests) {
  std::vector<double> ms;
  size_t bytes = 0;
  for (int i = 0; i < requests; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto res = client.Get(view.path);
    ms.push_back(msSince(start));
    if (!res || res->status != 200) {
      std::fprintf(stderr, "views_bench: GET %s: %d\n", view.path.c_str(), res ? res->status : -1);
      std::exit(1);
    }
    bytes = res->body.size();
  }
  const double first = ms.front();
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
  std::printf("  %-34s %4d requests  p50 %7.1f ms  p95 %7.1f ms  first %7.1f ms  %7zu bytes\n",
              view.label, requests, at(0.5), at(0.95), first, bytes);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const int64_t signals = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  const int64_t tallies = argc > 2 ? std::atoll(argv[2]) : 100'000;
  const int requests = argc > 3 ? std::atoi(argv[3]) : 40;
  const fs::path root = fs::temp_directory_path() / ("friction-views-bench-" + std::to_string(getpid()));
  fs::create_directories(root);
  const char* kept = std::getenv("VIEWS_BENCH_DB");
  const std::string db = kept && *kept ? kept : (root / "views.db").string();

  if (kept && *kept && fs::exists(db)) {
    std::printf("views: reusing %s\n", db.c_str());
  } else {
    auto start = std::chrono::steady_clock::now();
    const int64_t days = fillProblems(db, signals, true, 3);
    storeTallies(db, tallies);
    std::printf("views: %lld raw signals (%lld problem-day rows) and %lld visit tallies, built in %.0f s\n",
                static_cast<long long>(signals), static_cast<long long>(days),
                static_cast<long long>(tallies), msSince(start) / 1000);
  }

  CollectorOptions options;
  options.root = FRICTION_SOURCE_DIR;
  options.db_path = db;
  options.access_token = kToken;
  options.retention_days = 0;  // the synthetic days are in the past
  options.sites = {"site0=http://site0.test", "site1=http://site1.test", "site2=http://site2.test"};
  httplib::Server server;
  std::string error;
  if (!setUpCollector(server, options, error)) {
    std::fprintf(stderr, "views_bench: %s\n", error.c_str());
    return 1;
  }
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread listening([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));

  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_read_timeout(30, 0);
  client.set_bearer_token_auth(kToken);
  // The last 28 days of the synthetic 60, as the dashboard opens on 28.
  const std::string range = "from=" + formatUtcDay(kFirstDay + kDays - 28) +
                            "&to=" + formatUtcDay(kFirstDay + kDays - 1);
  const View views[] = {
      {"/dashboard (28 days)", "/dashboard?" + range},
      {"/dashboard, one site and kind", "/dashboard?" + range + "&site=site1&kind=rage_click"},
      {"/dashboard in French", "/dashboard?" + range + "&lang=fr"},
      {"/v1/problems JSON", "/v1/problems?" + range},
      {"/v1/problems CSV, 1,000 rows", "/v1/problems?" + range + "&format=csv&limit=1000"},
      {"/v1/summary", "/v1/summary"},
      {"/v1/conversion JSON", "/v1/conversion?" + range},
      {"/v1/help JSON", "/v1/help?" + range},
  };
  for (const auto& view : views) timeView(client, view, requests);

  server.stop();
  listening.join();
  std::error_code ignored;
  fs::remove_all(root, ignored);
  return 0;
}
