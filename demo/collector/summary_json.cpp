#include "summary_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace friction::collector {

std::string summaryJson(int64_t total_signals, const std::vector<FrictionGroup>& groups,
                        const std::vector<StepShares>& visits) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : groups) {
    list.push_back({{"kind", group.kind},
                    {"step", group.step},
                    {"signals", group.signals},
                    {"events", group.events},
                    {"first_seen", group.first_seen_ms},
                    {"last_seen", group.last_seen_ms}});
  }
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : visits) {
    nlohmann::json met = nlohmann::json::object();
    for (const auto& share : step.met) {
      nlohmann::json entry = {{"visits", std::round(share.visits_met * 10) / 10}};
      if (step.estimated) entry["standard_error"] = std::round(share.standard_error * 10) / 10;
      met[std::string(share.kind)] = std::move(entry);
    }
    steps.push_back({{"step", step.step},
                     {"visits", step.visits},
                     {"estimated", step.estimated},
                     {"met", std::move(met)},
                     {"first_seen", step.first_seen_ms},
                     {"last_seen", step.last_seen_ms}});
  }
  return nlohmann::json{{"total_signals", total_signals},
                        {"groups", std::move(list)},
                        {"visits", std::move(steps)}}
      .dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace friction::collector
