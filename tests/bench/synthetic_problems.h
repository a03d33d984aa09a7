// A synthetic collector database for the benches: problems of 3 sites x 200 steps x 10
// targets per step x 9 kinds (54,000 problems), Zipf-like popularity (s = 1.1), 60 days, 1 to
// 3 signals per page view; the day rollups always, the raw signals when asked.
#pragma once
#include <cstdint>
#include <string>

namespace friction::bench {

inline constexpr int kSites = 3, kSteps = 200, kTargetsPerStep = 10, kKinds = 9, kDays = 60;
inline constexpr int kProblems = kSites * kSteps * kTargetsPerStep * kKinds;
inline constexpr double kZipfS = 1.1;
inline constexpr int64_t kFirstDay = 20400;

extern const char* const kKindNames[kKinds];

std::string siteName(int site);
std::string stepName(int step);

// Fills a fresh database (the collector's schema) with `total_signals` signals' worth of
// problem days, and the raw signals too if `raw`. Returns the problem-day rows written.
int64_t fillProblems(const std::string& path, int64_t total_signals, bool raw, uint32_t seed);

}  // namespace friction::bench
