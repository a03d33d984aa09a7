// Batch ids for tests: distinct (the collector stores a retried id once), and readable in a
// failure message: 0000...0001, 0000...0002, ...
#pragma once
#include <atomic>
#include <cstdio>
#include <string>

inline std::string testBatchId() {
  static std::atomic<unsigned long long> next{1};
  char id[33];
  std::snprintf(id, sizeof id, "%032llx", next++);
  return id;
}
