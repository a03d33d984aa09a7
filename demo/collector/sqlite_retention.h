// Retention on the SQLite engine: the statements that delete what was stored before a cutoff,
// table by table, a few thousand rows at a time so that intake waits little.
#pragma once
#include <cstdint>
#include <string>

struct sqlite3;

namespace friction::collector {

// Writes wait for intake's short transactions rather than fail.
inline constexpr int kRetentionBusyTimeoutMs = 5000;

// Deletes every row stored before `cutoff_ms` (unix ms). Returns the rows deleted, or -1 and
// `error`.
int64_t deleteStoredBefore(sqlite3* db, int64_t cutoff_ms, std::string& error);

}  // namespace friction::collector
