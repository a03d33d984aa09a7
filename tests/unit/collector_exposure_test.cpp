// The collector facing the open Internet: bodies capped while read on every route, rate limits
// by client address, the demo's routes only in the demo, slow clients dropped, old rows deleted.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <sstream>
#include <thread>

#include "collector_server.h"
#include "encode/signal_batch.h"
#include "kit/test_batch_id.h"
#include "sqlite_retention.h"
#include "utc_day.h"
#include "signal_store.h"

namespace fs = std::filesystem;
using namespace friction;
using friction::collector::CollectorOptions;

namespace {

using Clock = std::chrono::steady_clock;

struct Exposed {
  fs::path dir;
  CollectorOptions options;
  httplib::Server server;
  std::thread thread;
  int port = -1;

  explicit Exposed(const std::function<void(CollectorOptions&)>& tweak = {}) {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() / ("friction-exposure-" + std::to_string(getpid()) + "-" +
                                       std::to_string(counter++));
    fs::create_directories(dir / "demo/shop");
    options.root = dir;
    options.db_path = (dir / "test.db").string();
    options.rate_limit_per_second = 1000;
    if (tweak) tweak(options);
  }
  // Separate from the constructor: a test may fill the database first.
  bool start() {
    std::string error;
    if (!collector::setUpCollector(server, options, error)) {
      FAIL_CHECK("setUpCollector: " << error);
      return false;
    }
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return server.is_running();
  }
  ~Exposed() {
    server.stop();
    if (thread.joinable()) thread.join();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(5, 0);
    return client;
  }
};

int statusOf(const httplib::Result& res) { return res ? res->status : -1; }

std::string batchJson() {
  const Signal rage{FrictionKind::rage_click, "/cart", "button", 0x9f2c0e4d1a7b3cULL, 4, 10, 700,
                    0.6};
  return encodeBatchJson({"demo-shop", "0.1.0", 0, 0, testBatchId()}, {rage});
}

std::string batchFrame() {
  const auto bytes = compressBatch(batchJson());
  return std::string(bytes.begin(), bytes.end());
}

int connectTo(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  timeval two_s{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &two_s, sizeof two_s);
  return fd;
}

// Posts an endless chunked body (up to `limit` bytes) and returns how much the collector let
// through before it stopped reading.
size_t bytesTakenFromEndlessPost(int port, const std::string& path, size_t limit) {
  const int fd = connectTo(port);
  const std::string head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  size_t sent = 0;
  bool ok = send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size());
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
  while (ok && sent < limit) {
    const ssize_t n = send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
    ok = n > 0;
    if (ok) sent += static_cast<size_t>(n);
  }
  close(fd);
  return sent;
}

}  // namespace

TEST_CASE("exposure: an endless chunked body is cut off at its route's cap, on every POST route") {
  Exposed collector([](CollectorOptions& o) { o.demo = true; });
  REQUIRE(collector.start());
  constexpr size_t kEndless = 256u << 20;  // far more than socket buffers hold
  for (const char* path : {"/v1/signals", "/v1/handoff", "/shop/api/checkout", "/garden/account",
                           "/no/such/route"}) {
    CAPTURE(path);
    CHECK(bytesTakenFromEndlessPost(collector.port, path, kEndless) < kEndless / 4);
  }
  // Over the cap by a little, chunked: the answer comes before the rest is read.
  auto statusOfChunked = [&](const std::string& path, size_t size) {
    const int fd = connectTo(collector.port);
    std::ostringstream request;
    request << "POST " << path << " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            << std::hex << size << "\r\n" << std::string(size, 'x') << "\r\n";
    const std::string text = request.str();
    send(fd, text.data(), text.size(), MSG_NOSIGNAL);
    char answer[64] = {};
    recv(fd, answer, sizeof answer - 1, 0);
    close(fd);
    return std::string(answer).substr(0, 12);
  };
  CHECK(statusOfChunked("/v1/signals", 65 * 1024) == "HTTP/1.1 413");
  CHECK(statusOfChunked("/v1/handoff", 17 * 1024) == "HTTP/1.1 413");
  CHECK(statusOfChunked("/shop/api/checkout", 5 * 1024) == "HTTP/1.1 413");
  CHECK(statusOfChunked("/garden/account", 5 * 1024) == "HTTP/1.1 413");
  CHECK(statusOfChunked("/v1/nothing", 1024) == "HTTP/1.1 404");
  // A declared length over the cap is refused before the body is sent.
  const int fd = connectTo(collector.port);
  const std::string head = "POST /v1/signals HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\n";
  REQUIRE(send(fd, head.data(), head.size(), MSG_NOSIGNAL) > 0);
  char answer[64] = {};
  REQUIRE(recv(fd, answer, sizeof answer - 1, 0) > 0);
  CHECK(std::string(answer).rfind("HTTP/1.1 413", 0) == 0);
  close(fd);
}

TEST_CASE("exposure: the demo shop's routes exist only with --demo") {
  Exposed real;
  REQUIRE(real.start());
  auto client = real.client();
  CHECK(statusOf(client.Get("/shop/api/slow?ms=0")) == 404);
  CHECK(statusOf(client.Get("/shop/api/fail")) == 404);
  CHECK(statusOf(client.Post("/shop/api/checkout", R"({"postcode":"12345"})", "application/json")) == 404);
  CHECK(statusOf(client.Get("/")) == 404);
  CHECK(statusOf(client.Get("/healthz")) == 200);

  Exposed demo([](CollectorOptions& o) { o.demo = true; });
  REQUIRE(demo.start());
  auto demo_client = demo.client();
  CHECK(statusOf(demo_client.Get("/shop/api/slow?ms=0")) == 200);
  CHECK(statusOf(demo_client.Post("/shop/api/checkout", R"({"postcode":"12345"})", "application/json")) == 200);
}

TEST_CASE("exposure: rate limits follow the client's address, not headers it writes") {
  SUBCASE("without a trusted proxy, Origin and X-Forwarded-For are ignored") {
    Exposed collector([](CollectorOptions& o) { o.rate_limit_per_second = 2; });  // bursts of 4
    REQUIRE(collector.start());
    auto client = collector.client();
    // No site is registered: every write is refused (403), but only after the client's tokens.
    int answered = 0, limited = 0;
    for (int i = 0; i < 8; ++i) {
      const std::string n = std::to_string(i);
      const int status = statusOf(client.Post(
          "/v1/signals",
          {{"Origin", "https://rotating" + n + ".example"}, {"X-Forwarded-For", "192.0.2." + n}},
          batchFrame(), ""));
      answered += status == 403;
      limited += status == 429;
    }
    CHECK(answered == 4);
    CHECK(limited == 4);
  }
  SUBCASE("behind a trusted proxy, the right-most untrusted address is the client") {
    Exposed collector([](CollectorOptions& o) {
      o.rate_limit_per_second = 2;
      o.trusted_proxies = "127.0.0.1";
      o.sites = {"demo-shop=https://shop.example"};
    });
    REQUIRE(collector.start());
    auto client = collector.client();
    auto post = [&](const std::string& forwarded) {
      return statusOf(client.Post("/v1/signals",
                                  {{"Origin", "https://shop.example"}, {"X-Forwarded-For", forwarded}},
                                  batchFrame(), ""));
    };
    for (int i = 0; i < 4; ++i) CHECK(post("203.0.113.9") == 202);
    CHECK(post("203.0.113.9") == 429);
    // What the attacker writes left of its own address changes nothing.
    CHECK(post("198.51.100.7, 203.0.113.9") == 429);
    // The site's real visitors, from elsewhere, go on.
    CHECK(post("198.51.100.7") == 202);
    CHECK(post("2001:db8::1") == 202);
  }
}

TEST_CASE("exposure: an origin no site lists is refused before it spends the address's tokens") {
  Exposed collector([](CollectorOptions& o) {
    o.rate_limit_per_second = 2;
    o.sites = {"demo-shop=https://shop.example"};
  });
  REQUIRE(collector.start());
  auto client = collector.client();
  for (int i = 0; i < 10; ++i)
    CHECK(statusOf(client.Post("/v1/signals", {{"Origin", "https://evil.example"}}, batchFrame(), "")) == 403);
  CHECK(statusOf(client.Post("/v1/signals", {{"Origin", "https://shop.example"}}, batchFrame(), "")) == 202);
}

TEST_CASE("exposure: behind TLS (X-Forwarded-Proto from a trusted proxy only) the views' cookie is Secure") {
  const std::string token = "exposure-token-0123456789";
  for (const bool trusted : {true, false}) {
    CAPTURE(trusted);
    Exposed collector([&](CollectorOptions& o) {
      o.access_token = token;
      if (trusted) o.trusted_proxies = "127.0.0.1";
    });
    REQUIRE(collector.start());
    auto client = collector.client();
    auto opened = client.Get("/dashboard?token=" + token, {{"X-Forwarded-Proto", "https"}});
    REQUIRE(opened);
    CHECK(opened->status == 303);
    const std::string cookie = opened->get_header_value("Set-Cookie");
    CHECK((cookie.find("; Secure") != std::string::npos) == trusted);
  }
}

TEST_CASE("exposure: a client silent mid-request is dropped after the read and keep-alive timeouts") {
  Exposed collector([](CollectorOptions& o) {
    o.connections.read_timeout_s = 1;
    o.connections.keep_alive_timeout_s = 1;
  });
  REQUIRE(collector.start());
  const int fd = connectTo(collector.port);
  const std::string partial = "GET /healthz HTTP/1.1\r\nHost: x\r\n";  // and then nothing
  REQUIRE(send(fd, partial.data(), partial.size(), MSG_NOSIGNAL) > 0);
  timeval four_s{4, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &four_s, sizeof four_s);
  const auto started = Clock::now();
  char buffer[256];
  while (recv(fd, buffer, sizeof buffer, 0) > 0) {}
  const double waited = std::chrono::duration<double>(Clock::now() - started).count();
  CHECK(waited < 3);  // httplib's own defaults are 5 s each
  close(fd);
}

TEST_CASE("exposure: keep-alive ends after --keep-alive-max requests") {
  Exposed collector([](CollectorOptions& o) { o.connections.keep_alive_max = 2; });
  REQUIRE(collector.start());
  httplib::Client client = collector.client();
  client.set_keep_alive(true);
  auto first = client.Get("/healthz");
  auto second = client.Get("/healthz");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->get_header_value("Connection") != "close");
  CHECK(second->get_header_value("Connection") == "close");
}

TEST_CASE("exposure: rows older than --retention-days are deleted at start") {
  Exposed collector([](CollectorOptions& o) { o.retention_days = 30; });
  {
    std::string error;
    REQUIRE(collector::SignalStore::open(collector.options.db_path, error));  // the schema
  }
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  const int64_t old = now - 31 * collector::kMsPerUtcDay, recent = now - 29 * collector::kMsPerUtcDay;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(collector.options.db_path.c_str(), &db) == SQLITE_OK);
  for (const int64_t at : {old, recent}) {
    const std::string t = std::to_string(at), step = at == old ? "'/old'" : "'/new'";
    const std::string sql =
        "INSERT INTO batches (received_at, site, sdk, dropped, signal_count) VALUES (" + t + ", 's', '1', 0, 1);"
        "INSERT INTO signals (received_at, site, kind, step, role, target, count, at_s, span_ms, score) "
        "VALUES (" + t + ", 's', 'rage_click', " + step + ", 'button', 'x', 1, 0, 0, 0.5);"
        "INSERT INTO handoffs (reference, site, created_at) VALUES (" + step + ", 's', " + t + ");"
        "INSERT INTO visit_totals VALUES ('s', " + step + ", 0, 3, " + t + ", " + t + ");"
        "INSERT INTO visit_kinds VALUES ('s', " + step + ", 0, 'rage_click', 1);";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  REQUIRE(collector.start());
  auto count = [&](const char* sql) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const int64_t n = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return n;
  };
  CHECK(count("SELECT COUNT(*) FROM batches") == 1);
  CHECK(count("SELECT COUNT(*) FROM signals WHERE step = '/new'") == 1);
  CHECK(count("SELECT COUNT(*) FROM signals") == 1);
  CHECK(count("SELECT COUNT(*) FROM handoffs") == 1);
  CHECK(count("SELECT COUNT(*) FROM visit_totals WHERE step = '/new'") == 1);
  CHECK(count("SELECT COUNT(*) FROM visit_totals") == 1);
  CHECK(count("SELECT COUNT(*) FROM visit_kinds") == 1);
  sqlite3_close(db);
}

TEST_CASE("exposure: the dashboard's reads do not wait for a write that is held up") {
  Exposed collector;
  std::string error;
  auto store = collector::SignalStore::open(collector.options.db_path, error);
  REQUIRE(store);
  // Another connection holds the write lock, so a batch waits in storeBatch (busy timeout).
  sqlite3* blocker = nullptr;
  REQUIRE(sqlite3_open(collector.options.db_path.c_str(), &blocker) == SQLITE_OK);
  REQUIRE(sqlite3_exec(blocker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::thread writer([&] {
    ReceivedBatch batch;
    std::string ignored;
    REQUIRE(readBatchJson(batchJson(), batch, ignored));
    store->storeBatch(batch, 1, ignored);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto started = Clock::now();
  CHECK(store->totalSignals() == 0);
  const double waited = std::chrono::duration<double>(Clock::now() - started).count();
  CHECK(waited < 0.5);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  sqlite3_exec(blocker, "COMMIT", nullptr, nullptr, nullptr);
  writer.join();
  sqlite3_close(blocker);
}
