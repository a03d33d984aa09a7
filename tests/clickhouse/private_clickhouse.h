// Private ClickHouse servers for tests and benches: each in its own temporary folder, on free
// loopback ports, with a config written here, started as a child process and stopped by its own
// pid. Never the system service. Several servers form one cluster (every server a shard), so a
// Distributed table can be tested on one machine.
//
// A missing clickhouse-server is an error, not a skip: CI installs it (scripts/setup.sh).
// A server is killed when the thread that started it ends (PR_SET_PDEATHSIG, so that a crashed
// test leaves no server behind): construct and start() from a thread that outlives it.
#pragma once
#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace friction::testing {

// The name of the cluster in every private server's <remote_servers>.
inline constexpr const char* kPrivateClusterName = "friction_cluster";

struct ClickHousePorts {
  int http = 0;  // the HTTP interface the collector's client speaks
  int tcp = 0;   // native protocol: clickhouse-client, and shards talking to each other
};

class PrivateClickHouse {
 public:
  // One server, the only shard of its cluster. Throws std::runtime_error (with the server's
  // error log) if it is not installed or does not answer /ping in time.
  PrivateClickHouse();
  ~PrivateClickHouse();
  PrivateClickHouse(const PrivateClickHouse&) = delete;
  PrivateClickHouse& operator=(const PrivateClickHouse&) = delete;

  const ClickHousePorts& ports() const { return ports_; }
  const std::filesystem::path& folder() const { return folder_; }
  // clickhouse://127.0.0.1:<http port>/<database>
  std::string url(const std::string& database = "default") const;

  // For "ClickHouse down" tests: stop() ends the process (its data stays), start() brings it
  // back on the same ports with the same data. Both are no-ops if already in that state.
  void stop();
  void start();
  bool running() const { return pid_ > 0; }

 private:
  friend class PrivateClickHouseCluster;
  PrivateClickHouse(ClickHousePorts ports, const std::vector<ClickHousePorts>& shards);
  void writeConfig(const std::vector<ClickHousePorts>& shards) const;
  void launch();  // the process only
  void waitUntilAnswering();
  std::string errorLogTail() const;

  ClickHousePorts ports_;
  std::filesystem::path folder_;
  pid_t pid_ = -1;
};

// N servers, each a shard of kPrivateClusterName, started together.
class PrivateClickHouseCluster {
 public:
  explicit PrivateClickHouseCluster(size_t servers);
  size_t size() const { return servers_.size(); }
  PrivateClickHouse& server(size_t i) { return *servers_.at(i); }

 private:
  std::vector<std::unique_ptr<PrivateClickHouse>> servers_;
};

// The path of clickhouse-server, or a std::runtime_error saying how to install it.
std::string clickHouseServerBinary();

}  // namespace friction::testing
