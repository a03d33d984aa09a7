// One private ClickHouse server for shell scripts (the ClickHouse crash test and ingest bench):
// starts it, prints one line "clickhouse://127.0.0.1:HTTPPORT/" on stdout, and keeps it running
// until stdin closes or SIGTERM/SIGINT/SIGHUP arrives; then stops it and removes its folder.
//
//   coproc CH { exec build/run_private_clickhouse; }   # exec: $CH_PID is this tool
//   read -r url <&"${CH[0]}"        # clickhouse://127.0.0.1:PORT/ ; append a database name
//   ...
//   exec {CH[1]}>&-; wait "$CH_PID"  # or kill -TERM "$CH_PID"
//
// Stdin is the lifeline: a script that dies, even by SIGKILL, closes it, and the server goes.
// Exits 1 with the server's error on stderr if it cannot start.
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <exception>

#include "private_clickhouse.h"

int main() {
  // Signals are read from a descriptor, beside stdin, in this thread: the server is killed when
  // the thread that started it ends (PR_SET_PDEATHSIG), so main must start it and outlive it.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGHUP);
  sigprocmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a reader gone from stdout must not end us before the cleanup
  const int signals = signalfd(-1, &stop_signals, SFD_CLOEXEC);
  if (signals < 0) {
    std::perror("run_private_clickhouse: signalfd");
    return 1;
  }

  try {
    friction::testing::PrivateClickHouse server;
    std::fprintf(stdout, "clickhouse://127.0.0.1:%d/\n", server.ports().http);
    std::fflush(stdout);
    std::fprintf(stderr, "run_private_clickhouse: server in %s (native port %d)\n",
                 server.folder().c_str(), server.ports().tcp);

    pollfd watched[2] = {{STDIN_FILENO, POLLIN, 0}, {signals, POLLIN, 0}};
    for (;;) {
      if (poll(watched, 2, -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (watched[1].revents) break;  // a stop signal
      if (watched[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) {
        char ignored[256];
        const ssize_t got = read(STDIN_FILENO, ignored, sizeof ignored);
        if (got <= 0 && !(got < 0 && errno == EINTR)) break;  // closed: whoever ran us is gone
      }
    }
    // The destructor stops the server (SIGTERM, then SIGKILL after a grace) and removes its folder.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "run_private_clickhouse: %s\n", e.what());
    return 1;
  }
  return 0;
}
