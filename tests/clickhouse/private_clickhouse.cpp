#include "private_clickhouse.h"

#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace friction::testing {
namespace {

using Clock = std::chrono::steady_clock;

// 18.16 starts in about 3 s here; a loaded CI machine may take several times that.
constexpr auto kStartTimeout = std::chrono::seconds(30);
constexpr auto kPingInterval = std::chrono::milliseconds(50);
// A clean shutdown takes well under a second; past this the server is killed.
constexpr auto kStopGrace = std::chrono::seconds(5);
// How much of the error log a failure message quotes.
constexpr size_t kLogTailBytes = 4000;

// Ports the kernel hands out for port 0, all held open until every one is chosen so that no
// two servers of a cluster get the same one. A race with another process remains possible but
// rare; the start error then says "Address already in use".
std::vector<int> freeLoopbackPorts(size_t count) {
  std::vector<int> sockets, ports;
  for (size_t i = 0; i < count; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("private ClickHouse: socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      close(fd);
      throw std::runtime_error("private ClickHouse: no free loopback port");
    }
    sockets.push_back(fd);
    ports.push_back(ntohs(address.sin_port));
  }
  for (int fd : sockets) close(fd);
  return ports;
}

std::vector<ClickHousePorts> pickPorts(size_t servers) {
  std::vector<int> ports = freeLoopbackPorts(servers * 2);
  std::vector<ClickHousePorts> result;
  for (size_t i = 0; i < servers; ++i) result.push_back({ports[2 * i], ports[2 * i + 1]});
  return result;
}

std::filesystem::path makeFolder() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "friction-clickhouse-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    throw std::runtime_error("private ClickHouse: cannot create a folder under " +
                             std::filesystem::temp_directory_path().string());
  }
  return pattern;
}

std::string tailOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "";
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  return all.size() > kLogTailBytes ? all.substr(all.size() - kLogTailBytes) : all;
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("private ClickHouse: cannot write " + path.string());
}

}  // namespace

std::string clickHouseServerBinary() {
  const char* path = getenv("PATH");
  std::stringstream folders(std::string(path ? path : "") + ":/usr/bin:/usr/sbin");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    if (folder.empty()) continue;
    std::filesystem::path candidate = std::filesystem::path(folder) / "clickhouse-server";
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  throw std::runtime_error(
      "clickhouse-server is not installed: the ClickHouse tests need it "
      "(apt-get install clickhouse-server clickhouse-client, as scripts/setup.sh does)");
}

PrivateClickHouse::PrivateClickHouse() : PrivateClickHouse(pickPorts(1)[0], {}) { start(); }

PrivateClickHouse::PrivateClickHouse(ClickHousePorts ports,
                                     const std::vector<ClickHousePorts>& shards)
    : ports_(ports), folder_(makeFolder()) {
  try {
    writeConfig(shards.empty() ? std::vector<ClickHousePorts>{ports} : shards);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    throw;
  }
}

PrivateClickHouse::~PrivateClickHouse() {
  stop();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::string PrivateClickHouse::url(const std::string& database) const {
  return "clickhouse://127.0.0.1:" + std::to_string(ports_.http) + "/" + database;
}

void PrivateClickHouse::writeConfig(const std::vector<ClickHousePorts>& shards) const {
  const std::string dir = folder_.string() + "/";
  for (const char* sub : {"data", "tmp", "user_files", "format_schemas"}) {
    std::filesystem::create_directories(folder_ / sub);
  }
  std::string remote;
  for (const ClickHousePorts& shard : shards) {
    remote += "      <shard><replica><host>127.0.0.1</host><port>" + std::to_string(shard.tcp) +
              "</port></replica></shard>\n";
  }
  // The smallest config 18.16 starts with (and current servers still read: <yandex> is
  // accepted as the root by both). Logs stay in the folder so a failure can quote them.
  writeFile(folder_ / "config.xml",
            "<?xml version=\"1.0\"?>\n<yandex>\n"
            "  <logger><level>warning</level><log>" + dir + "server.log</log>"
            "<errorlog>" + dir + "error.log</errorlog><console>0</console></logger>\n"
            "  <listen_host>127.0.0.1</listen_host>\n"
            "  <http_port>" + std::to_string(ports_.http) + "</http_port>\n"
            "  <tcp_port>" + std::to_string(ports_.tcp) + "</tcp_port>\n"
            "  <path>" + dir + "data/</path>\n"
            "  <tmp_path>" + dir + "tmp/</tmp_path>\n"
            "  <user_files_path>" + dir + "user_files/</user_files_path>\n"
            "  <format_schema_path>" + dir + "format_schemas/</format_schema_path>\n"
            "  <mark_cache_size>67108864</mark_cache_size>\n"
            "  <timezone>UTC</timezone>\n"
            "  <users_config>users.xml</users_config>\n"
            "  <default_profile>default</default_profile>\n"
            "  <default_database>default</default_database>\n"
            "  <remote_servers>\n    <" + std::string(kPrivateClusterName) + ">\n" + remote +
            "    </" + std::string(kPrivateClusterName) + ">\n  </remote_servers>\n"
            "</yandex>\n");
  writeFile(folder_ / "users.xml",
            "<?xml version=\"1.0\"?>\n<yandex>\n"
            "  <profiles><default/></profiles>\n"
            "  <users><default><password></password>"
            "<networks><ip>127.0.0.1</ip><ip>::1</ip></networks>"
            "<profile>default</profile><quota>default</quota></default></users>\n"
            "  <quotas><default/></quotas>\n"
            "</yandex>\n");
}

void PrivateClickHouse::start() {
  if (running()) return;
  launch();
  waitUntilAnswering();
}

void PrivateClickHouse::launch() {
  const std::string binary = clickHouseServerBinary();
  const std::string config = "--config-file=" + (folder_ / "config.xml").string();
  const std::string console = (folder_ / "console.log").string();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("private ClickHouse: fork() failed");
  if (pid == 0) {
    // The server dies with the test process, even if that one crashes before its destructors.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int out = open(console.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (out >= 0) {
      dup2(out, STDOUT_FILENO);
      dup2(out, STDERR_FILENO);
      close(out);
    }
    if (chdir(folder_.c_str()) != 0) _exit(126);
    execl(binary.c_str(), "clickhouse-server", config.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  pid_ = pid;
}

void PrivateClickHouse::waitUntilAnswering() {
  const auto deadline = Clock::now() + kStartTimeout;
  httplib::Client client("127.0.0.1", ports_.http);
  client.set_connection_timeout(std::chrono::milliseconds(500));
  client.set_read_timeout(std::chrono::seconds(2));
  while (Clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("private ClickHouse in " + folder_.string() +
                               " exited while starting (status " + std::to_string(status) +
                               "):\n" + errorLogTail());
    }
    if (auto answer = client.Get("/ping"); answer && answer->status == 200 &&
                                           answer->body == "Ok.\n") {
      return;
    }
    std::this_thread::sleep_for(kPingInterval);
  }
  stop();
  throw std::runtime_error("private ClickHouse in " + folder_.string() + " did not answer /ping on " +
                           std::to_string(ports_.http) + " within " +
                           std::to_string(kStartTimeout.count()) + " s:\n" + errorLogTail());
}

void PrivateClickHouse::stop() {
  if (!running()) return;
  kill(pid_, SIGTERM);
  const auto deadline = Clock::now() + kStopGrace;
  while (Clock::now() < deadline) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string PrivateClickHouse::errorLogTail() const {
  std::string text = tailOf(folder_ / "error.log");
  std::string console = tailOf(folder_ / "console.log");
  if (!console.empty()) text += "\n--- console ---\n" + console;
  return text.empty() ? "(no error log)" : text;
}

PrivateClickHouseCluster::PrivateClickHouseCluster(size_t servers) {
  if (servers == 0) throw std::invalid_argument("a cluster needs at least one server");
  const std::vector<ClickHousePorts> shards = pickPorts(servers);
  // Built one by one; a server that fails to start ends the ones before it (destructors).
  for (const ClickHousePorts& ports : shards) {
    servers_.push_back(std::unique_ptr<PrivateClickHouse>(new PrivateClickHouse(ports, shards)));
  }
  // Launched together, then waited for: the start-up times overlap.
  for (auto& server : servers_) server->launch();
  for (auto& server : servers_) server->waitUntilAnswering();
}

}  // namespace friction::testing
