// Requests to talk to a person (POST /v1/handoff) and what the agent view lists: a short
// reference the visitor gives the agent, the site, when, and the journey summary if the
// visitor agreed to share it. Its own connection to the collector's database (the table is
// made by SignalStore's schema steps).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "intake/handoff_reader.h"
#include "stored_handoff.h"

namespace friction::collector {


class HandoffStore {
 public:
  static std::unique_ptr<HandoffStore> open(const std::string& path, std::string& error);
  ~HandoffStore();
  HandoffStore(const HandoffStore&) = delete;
  HandoffStore& operator=(const HandoffStore&) = delete;

  // Stores the request; returns its new reference ("K7Q-2MX"), or "" and `error`.
  std::string create(const ReceivedHandoff& handoff, int64_t now_ms, std::string& error);
  // Newest first.
  std::vector<StoredHandoff> recent(size_t limit = 50);

 private:
  explicit HandoffStore(sqlite3* db) : db_(db) {}
  std::mutex mutex_;
  sqlite3* db_;
  // The agent view and dashboard read on their own connection: reloading them never holds up
  // a visitor's request.
  std::mutex read_mutex_;
  sqlite3* read_db_ = nullptr;
};

}  // namespace friction::collector
