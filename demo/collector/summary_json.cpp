#include "summary_json.h"

#include <nlohmann/json.hpp>

namespace friction::collector {

std::string summaryJson(int64_t total_signals, const std::vector<FrictionGroup>& groups) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : groups) {
    list.push_back({{"kind", group.kind},
                    {"step", group.step},
                    {"signals", group.signals},
                    {"events", group.events},
                    {"first_seen", group.first_seen_ms},
                    {"last_seen", group.last_seen_ms}});
  }
  return nlohmann::json{{"total_signals", total_signals}, {"groups", std::move(list)}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace friction::collector
