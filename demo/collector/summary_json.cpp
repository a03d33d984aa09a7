#include "summary_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace friction::collector {
namespace {

// `value` to 1 / `per` (10: one decimal).
double rounded(double value, double per) { return std::round(value * per) / per; }

}  // namespace

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
    const double step_visits = static_cast<double>(step.visits);
    for (const auto& share : step.met) {
      const double fraction = step_visits > 0 ? share.visits_met / step_visits : 0;
      nlohmann::json entry = {{"visits", rounded(share.visits_met, 10)},
                              {"share", rounded(fraction, 1e4)}};
      if (step.estimated) {
        entry["estimate"] = rounded(share.estimate, 10);
        entry["standard_error"] = rounded(share.standard_error, 10);
        entry["detectable"] = share.detectable();
      }
      met[std::string(share.kind)] = std::move(entry);
    }
    steps.push_back({{"site", step.site},
                     {"step", step.step},
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
