// How the dashboard shows a time: relative for a glance ("2 min ago"), absolute UTC to be exact.
#pragma once
#include <cstdint>
#include <string>

namespace friction::collector {

// "just now", "42 s ago", "2 min ago", "3 h ago", "5 d ago".
std::string timeAgo(int64_t then_ms, int64_t now_ms);

// "2024-05-01 12:34:56 UTC"
std::string utcTime(int64_t unix_ms);

// "2024-05-01T12:34:56Z", for <time datetime="...">.
std::string isoUtcTime(int64_t unix_ms);

int64_t nowUnixMs();

}  // namespace friction::collector
