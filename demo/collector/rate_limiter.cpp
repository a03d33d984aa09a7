#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace friction::collector {

int64_t RateLimiter::secondsToWait(const std::string& origin, double now_s) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (buckets_.size() >= kMaxOrigins && !buckets_.count(origin)) forgetFullBuckets(now_s);
  auto [it, added] = buckets_.try_emplace(origin, Bucket{burst_, now_s});
  Bucket& bucket = it->second;
  bucket.tokens = std::min(burst_, bucket.tokens + (now_s - bucket.updated_s) * per_second_);
  bucket.updated_s = now_s;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil((1 - bucket.tokens) / per_second_)));
}

void RateLimiter::forgetFullBuckets(double now_s) {
  const double refill_s = burst_ / per_second_;
  for (auto it = buckets_.begin(); it != buckets_.end();)
    it = now_s - it->second.updated_s >= refill_s ? buckets_.erase(it) : std::next(it);
}

}  // namespace friction::collector
