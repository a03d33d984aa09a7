#include "time_text.h"

#include <chrono>
#include <ctime>

namespace friction::collector {
namespace {

std::string formatUtc(int64_t unix_ms, const char* format) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm parts{};
  if (!gmtime_r(&seconds, &parts)) return "?";
  char text[32];
  return std::strftime(text, sizeof text, format, &parts) ? text : "?";
}

}  // namespace

std::string timeAgo(int64_t then_ms, int64_t now_ms) {
  // Clamp: a clock step backwards must not print "-3 s ago".
  const int64_t seconds = then_ms >= now_ms ? 0 : (now_ms - then_ms) / 1000;
  if (seconds < 5) return "just now";
  if (seconds < 60) return std::to_string(seconds) + " s ago";
  if (seconds < 3600) return std::to_string(seconds / 60) + " min ago";
  if (seconds < 86400) return std::to_string(seconds / 3600) + " h ago";
  return std::to_string(seconds / 86400) + " d ago";
}

std::string utcTime(int64_t unix_ms) { return formatUtc(unix_ms, "%Y-%m-%d %H:%M:%S UTC"); }

std::string isoUtcTime(int64_t unix_ms) { return formatUtc(unix_ms, "%Y-%m-%dT%H:%M:%SZ"); }

int64_t nowUnixMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace friction::collector
