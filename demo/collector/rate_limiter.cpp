#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace friction::collector {

int64_t RateLimiter::secondsToWait(const std::string& client, double now_s) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (now_s - last_sweep_s_ >= kSweepEveryS) {
    forgetFullBuckets(now_s);
    last_sweep_s_ = now_s;
  }
  if (buckets_.size() >= max_clients_ && !buckets_.count(client)) {
    forgetFullBuckets(now_s);
    if (buckets_.size() >= max_clients_) forgetStalest();
  }
  auto [it, added] = buckets_.try_emplace(client, Bucket{burst_, now_s});
  Bucket& bucket = it->second;
  bucket.tokens = std::min(burst_, bucket.tokens + (now_s - bucket.updated_s) * per_second_);
  bucket.updated_s = now_s;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil((1 - bucket.tokens) / per_second_)));
}

size_t RateLimiter::clientsRemembered() {
  std::lock_guard<std::mutex> lock(mutex_);
  return buckets_.size();
}

void RateLimiter::forgetFullBuckets(double now_s) {
  const double refill_s = burst_ / per_second_;
  for (auto it = buckets_.begin(); it != buckets_.end();)
    it = now_s - it->second.updated_s >= refill_s ? buckets_.erase(it) : std::next(it);
}

void RateLimiter::forgetStalest() {
  const auto stalest = std::min_element(
      buckets_.begin(), buckets_.end(),
      [](const auto& a, const auto& b) { return a.second.updated_s < b.second.updated_s; });
  if (stalest != buckets_.end()) buckets_.erase(stalest);
}

}  // namespace friction::collector
