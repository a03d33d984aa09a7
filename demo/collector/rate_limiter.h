// Per-origin rate limiting for POST /v1/signals: a token bucket per origin, refilled at
// `per_second` up to `burst`. Every visitor of a site shares its origin and a page sends a
// batch every 10 s or so, so the default (1000/s, collector_server.h) holds some 10,000 open
// pages; a flood from one origin beyond what it was sized for gets 429 with Retry-After.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace friction::collector {

class RateLimiter {
 public:
  // Origins remembered at once; beyond it, buckets idle long enough to be full are forgotten.
  static constexpr size_t kMaxOrigins = 10000;

  RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  // 0 if a request from `origin` may go ahead now (and counts it); otherwise the whole seconds
  // to wait, for Retry-After.
  int64_t secondsToWait(const std::string& origin, double now_s);

 private:
  struct Bucket {
    double tokens;
    double updated_s;
  };
  void forgetFullBuckets(double now_s);

  double per_second_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace friction::collector
