// Per-client rate limiting of the POST routes: a token bucket per client address (see
// client_address.h), refilled at `per_second` up to `burst`. A client over its rate gets 429
// with Retry-After; other clients, the same site's other visitors among them, go on.
// The table is bounded: buckets idle long enough to be full again are forgotten every minute,
// and at kMaxClients the stalest bucket makes room (it would come back full anyway).
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace friction::collector {

class RateLimiter {
 public:
  static constexpr size_t kMaxClients = 100000;  // some 10 MB of buckets at most
  static constexpr double kSweepEveryS = 60;

  RateLimiter(double per_second, double burst, size_t max_clients = kMaxClients)
      : per_second_(per_second), burst_(burst), max_clients_(max_clients) {}

  // 0 if a request from `client` may go ahead now (and counts it); otherwise the whole seconds
  // to wait, for Retry-After.
  int64_t secondsToWait(const std::string& client, double now_s);

  size_t clientsRemembered();

 private:
  struct Bucket {
    double tokens;
    double updated_s;
  };
  void forgetFullBuckets(double now_s);
  void forgetStalest();

  double per_second_, burst_;
  size_t max_clients_;
  double last_sweep_s_ = 0;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace friction::collector
