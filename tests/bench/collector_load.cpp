// A bounded load generator for the collector: posts batches of 20 signals over loopback from
// several threads, each batch with its own id, and reports what was acknowledged.
//
//   collector_load --port P [--batches N] [--first I] [--threads T] [--run R] [--acked FILE]
//                  [--baseline]
//
// Batch i of run R is always the same bytes (same id, same signals), so running again with the
// same R resends every batch, as an SDK retrying would. --acked appends the index of every
// acknowledged batch to FILE, one per line, as soon as the answer arrives (the crash test reads
// it after a kill -9). --baseline posts bodies of the same size that the collector refuses at
// the first byte (415): the cost of HTTP alone, to compare with. --first I sends batches I to
// I+N-1 instead of 0 to N-1: two loads with --first 0 and --first N/2 and N/2 batches each
// send, between them, exactly the batches of one load of N (two collectors, one load split).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "encode/signal_batch.h"

using namespace friction;

namespace {

constexpr int kSignalsPerBatch = 20;
// The page origin of site "load", as start_collector.sh registers it.
constexpr const char* kLoadOrigin = "http://load.test";

struct Options {
  int port = 0;
  int batches = 5000;
  int first = 0;
  int threads = 4;
  int run = 1;
  std::string acked_path;
  bool baseline = false;
};

bool parse(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--baseline") options.baseline = true;
    else if (flag == "--port" && has_value) options.port = std::atoi(argv[++i]);
    else if (flag == "--batches" && has_value) options.batches = std::atoi(argv[++i]);
    else if (flag == "--first" && has_value) options.first = std::atoi(argv[++i]);
    else if (flag == "--threads" && has_value) options.threads = std::atoi(argv[++i]);
    else if (flag == "--run" && has_value) options.run = std::atoi(argv[++i]);
    else if (flag == "--acked" && has_value) options.acked_path = argv[++i];
    else return false;
  }
  return options.port > 0 && options.batches > 0 && options.first >= 0 && options.threads > 0;
}

std::string batchFrame(int run, int index) {
  static const char* const kSteps[] = {"/", "/product/:id", "/checkout", "/help", "/cart"};
  static const char* const kRoles[] = {"button", "link", "textbox", "page"};
  std::vector<Signal> signals;
  for (int s = 0; s < kSignalsPerBatch; ++s) {
    const int n = index * kSignalsPerBatch + s;
    signals.push_back({static_cast<FrictionKind>(n % kFrictionKindCount), kSteps[n % 5],
                       kRoles[n % 4], 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(n + 1),
                       static_cast<uint32_t>(1 + n % 7), static_cast<uint32_t>(10 * (n % 30)),
                       static_cast<uint32_t>(100 * (n % 40)), (n % 10) / 10.0});
  }
  char id[33];
  std::snprintf(id, sizeof id, "%016x%016x", run, index);
  const auto frame = compressBatch(encodeBatchJson({"load", "0.1.0", 0, 0, id}, signals));
  return std::string(frame.begin(), frame.end());
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::fprintf(stderr,
                 "usage: collector_load --port P [--batches N] [--first I] [--threads T] "
                 "[--run R] [--acked FILE] [--baseline]\n");
    return 2;
  }
  // Frames are made before the clock starts: the figure is the collector's, not the client's.
  std::vector<std::string> frames(options.batches);
  for (int i = 0; i < options.batches; ++i) {
    frames[i] = batchFrame(options.run, options.first + i);
    if (options.baseline) frames[i].replace(0, 4, "{\"v\"");  // no zstd magic: refused at once
  }
  std::FILE* acked = options.acked_path.empty() ? nullptr : std::fopen(options.acked_path.c_str(), "a");
  std::mutex acked_mutex;
  std::atomic<int> next{0}, stored{0}, duplicates{0}, refused{0}, failed{0};

  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < options.threads; ++t) {
    workers.emplace_back([&] {
      httplib::Client client("127.0.0.1", options.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // as browsers do
      client.set_connection_timeout(1, 0);
      client.set_read_timeout(10, 0);
      for (int i; (i = next++) < options.batches;) {
        auto res =
            client.Post("/v1/signals", {{"Origin", kLoadOrigin}}, frames[i], "application/zstd");
        if (!res) {
          ++failed;
          continue;
        }
        if (res->status == 202) ++stored;
        else if (res->status == 200) ++duplicates;
        else ++refused;
        if (acked && (res->status == 200 || res->status == 202)) {
          std::lock_guard<std::mutex> lock(acked_mutex);
          std::fprintf(acked, "%d\n", options.first + i);
          std::fflush(acked);
        }
      }
    });
  }
  for (auto& worker : workers) worker.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (acked) std::fclose(acked);

  const int answered = options.baseline ? refused.load() : stored.load() + duplicates.load();
  std::printf(
      "%s: %d batches of %d signals, %d threads, %.2f s: %d stored, %d duplicates, %d refused, "
      "%d failed; %.0f batches/s = %.0f signals/s\n",
      options.baseline ? "baseline (HTTP only, refused with 415)" : "ingest",
      options.batches, kSignalsPerBatch, options.threads, seconds, stored.load(),
      duplicates.load(), refused.load(), failed.load(), answered / seconds,
      answered * kSignalsPerBatch / seconds);
  return 0;
}
