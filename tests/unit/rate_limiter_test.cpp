#include <doctest/doctest.h>

#include "rate_limiter.h"

using friction::collector::RateLimiter;

TEST_CASE("rate limiter: a burst, then the refill rate, per origin") {
  RateLimiter limiter(2, 4);  // 2 per second, bursts of 4
  for (int i = 0; i < 4; ++i) CHECK(limiter.secondsToWait("https://a.example", 100.0) == 0);
  CHECK(limiter.secondsToWait("https://a.example", 100.0) == 1);
  CHECK(limiter.secondsToWait("https://b.example", 100.0) == 0);   // its own bucket
  CHECK(limiter.secondsToWait("https://a.example", 100.5) == 0);   // half a second: one token
  CHECK(limiter.secondsToWait("https://a.example", 100.5) == 1);
  CHECK(limiter.secondsToWait("https://a.example", 110.0) == 0);   // full again, not beyond
  for (int i = 0; i < 3; ++i) CHECK(limiter.secondsToWait("https://a.example", 110.0) == 0);
  CHECK(limiter.secondsToWait("https://a.example", 110.0) == 1);

  RateLimiter slow(0.1, 1);  // one every 10 s
  CHECK(slow.secondsToWait("x", 0) == 0);
  CHECK(slow.secondsToWait("x", 1) == 9);  // Retry-After says when, not just "later"
}

TEST_CASE("rate limiter: the table of clients stays bounded") {
  RateLimiter limiter(1, 2, 3);  // at most 3 clients remembered
  for (int i = 0; i < 50; ++i) CHECK(limiter.secondsToWait("client" + std::to_string(i), 100.0) == 0);
  CHECK(limiter.clientsRemembered() == 3);
  // Idle buckets (full again) are swept out every minute, whatever the count.
  RateLimiter idle(1, 2);
  for (int i = 0; i < 10; ++i) idle.secondsToWait("client" + std::to_string(i), 100.0);
  CHECK(idle.clientsRemembered() == 10);
  idle.secondsToWait("late", 100.0 + RateLimiter::kSweepEveryS);
  CHECK(idle.clientsRemembered() == 1);
}
