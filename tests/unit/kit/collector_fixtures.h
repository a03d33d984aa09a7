// What the collector's tests share: a directory that plays the repo root (its database under
// data/), removed at the end, and a collector serving it on a loopback port from a thread.
#pragma once
#include <doctest/doctest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <utility>

#include "collector_server.h"

namespace friction::testing {

struct TempRoot {
  std::filesystem::path path;
  TempRoot() {
    static std::atomic<int> counter{0};
    path = std::filesystem::temp_directory_path() /
           ("friction-collector-test-" + std::to_string(getpid()) + "-" +
            std::to_string(counter++));
    std::filesystem::create_directories(path / "data");
  }
  ~TempRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempRoot(const TempRoot&) = delete;
  TempRoot& operator=(const TempRoot&) = delete;
  void write(const std::string& relative, const std::string& content) const {
    std::filesystem::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << content;
  }
  std::string db() const { return (path / "data" / "test.db").string(); }
};

// A collector serving `root`, its views behind `token`.
inline collector::CollectorOptions viewOptions(const TempRoot& root, std::string token) {
  collector::CollectorOptions options;
  options.root = root.path;
  options.db_path = root.db();
  options.access_token = std::move(token);
  return options;
}

// The collector set up with `options`, listening on 127.0.0.1 until destroyed.
class InProcessCollector {
 public:
  explicit InProcessCollector(const collector::CollectorOptions& options) {
    std::string error;
    if (!collector::setUpCollector(server_, options, error)) {
      FAIL_CHECK("setUpCollector: " << error);
      return;
    }
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~InProcessCollector() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  bool ready() const { return port_ > 0 && server_.is_running(); }
  int port() const { return port_; }
  // A client with no default headers.
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(5, 0);
    return client;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace friction::testing
