// friction-collector: receives signal batches, stores them in SQLite and shows the dashboard.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "collector_flags.h"
#include "collector_server.h"
#include "view_access.h"

namespace fs = std::filesystem;
using namespace friction::collector;

namespace {

// Ctrl-C and `kill` are taken by a thread waiting in sigwait(), not by a signal handler, so
// stopping the server happens in ordinary code. They must be blocked before any thread starts
// (threads inherit the mask), or the server's workers could receive them instead.
sigset_t blockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a browser closing a connection must not kill the collector
  return signals;
}

}  // namespace

int main(int argc, char** argv) {
  CollectorFlags flags;
  std::string error;
  if (!parseCollectorFlags(argc, argv, flags, error)) {
    std::cerr << "friction-collector: " << error << "\n" << collectorUsage();
    return 2;
  }
  if (flags.help) {
    std::cout << collectorUsage();
    return 0;
  }

  CollectorOptions options;
  options.root = flags.root;
  options.db_path = flags.db.empty() ? (options.root / "demo/data/friction.db").string() : flags.db;
  options.store_url = flags.store;
  options.store_cluster = flags.store_cluster;
  options.allow_origin = flags.allow_origin;
  options.sites = flags.sites;
  options.rate_limit_per_second = flags.rate_limit;
  options.trusted_proxies = flags.trusted_proxies;
  options.demo = flags.demo;
  options.connections = flags.connections;
  options.retention_days = flags.retention_days;
  options.alert_webhook = flags.alert_webhook;
  options.dashboard_url = flags.dashboard_url;
  if (!readAccessToken(flags, options.access_token, error)) {
    std::cerr << "friction-collector: " << error << "\n";
    return 2;
  }
  options.host_names = flags.host_names.empty() ? defaultHostNames(flags.host) : flags.host_names;
  if (options.access_token.empty())
    std::cerr << "friction-collector: note: no access token (FRICTION_ACCESS_TOKEN or "
                 "--access-token-file): the dashboard, agent view and /v1/summary are refused\n";
  if (options.sites.empty())
    std::cerr << "friction-collector: note: no --site NAME=ORIGIN registered: every batch and "
                 "hand-off is refused\n";
  if (options.demo && !fs::exists(options.root / "demo/shop/index.html"))
    std::cerr << "friction-collector: note: " << (options.root / "demo/shop/index.html").string()
              << " not found; run from the repo root or pass --root\n";

  std::error_code dir_error;
  if (const auto parent = fs::path(options.db_path).parent_path();
      options.store_url.empty() && !parent.empty())
    fs::create_directories(parent, dir_error);
  if (dir_error) {
    std::cerr << "friction-collector: cannot create the directory of " << options.db_path << ": "
              << dir_error.message() << "\n";
    return 1;
  }

  const sigset_t stop_signals = blockStopSignals();
  httplib::Server server;
  if (!setUpCollector(server, options, error)) {
    std::cerr << "friction-collector: " << error << "\n";
    return 1;
  }
  int port = flags.port;
  const bool bound = port == 0 ? (port = server.bind_to_any_port(flags.host)) > 0
                               : server.bind_to_port(flags.host, port);
  if (!bound) {
    std::cerr << "friction-collector: cannot listen on " << flags.host << ":" << flags.port
              << " (is the port already in use, or the address not local?)\n";
    return 1;
  }
  const std::string url = "http://" + flags.host + ":" + std::to_string(port);
  // The token is in this URL once: opening it trades it for a cookie (view_access.h).
  std::cout << "friction collector: " << url << "/  (dashboard: " << url << "/dashboard"
            << (options.access_token.empty() ? "" : "?token=" + options.access_token) << ")"
            << (options.demo ? "  demo shop on" : "") << std::endl;

  std::atomic<bool> listen_ended{false}, stopped_by_signal{false};
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (listen_ended) return;  // our own wake-up call, below
    stopped_by_signal = true;
    // A signal right at start-up may come before listening begins, when stop() does nothing.
    while (!listen_ended && !server.is_running())
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    server.stop();
  });
  const bool listened = server.listen_after_bind();
  listen_ended = true;
  if (!stopped_by_signal) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::cout << "friction collector: stopped" << std::endl;
  return listened || stopped_by_signal ? 0 : 1;
}
