#include "summary_json.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "problems_json.h"

namespace friction::collector {
namespace {

// `value` to 1 / `per` (10: one decimal).
double rounded(double value, double per) { return std::round(value * per) / per; }

}  // namespace

std::string summaryJson(const std::vector<StepShares>& visits, int64_t min_visits) {
  int64_t hidden = 0;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : visits) {
    if (step.visits < min_visits) {
      ++hidden;
      continue;
    }
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
  return nlohmann::json{{"k", min_visits}, {"hidden_steps", hidden}, {"visits", std::move(steps)}}
      .dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string summaryCsv(const std::vector<StepShares>& visits, int64_t min_visits) {
  std::string csv =
      "site,step,visits,estimated,kind,visits_met,share,estimate,standard_error,detectable\r\n";
  const auto number = [](double value, const char* format) {
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return std::string(text);
  };
  for (const auto& step : visits) {
    if (step.visits < min_visits) continue;
    const std::string head = csvField(step.site) + "," + csvField(step.step) + "," +
                             std::to_string(step.visits) + "," +
                             (step.estimated ? "true" : "false") + ",";
    if (step.met.empty()) csv += head + ",0,0,,,\r\n";
    for (const auto& share : step.met) {
      const double fraction = share.visits_met / static_cast<double>(step.visits);
      csv += head + csvField(share.kind) + "," + number(rounded(share.visits_met, 10), "%.1f") +
             "," + number(rounded(fraction, 1e4), "%.4f") + ",";
      if (step.estimated)
        csv += number(rounded(share.estimate, 10), "%.1f") + "," +
               number(rounded(share.standard_error, 10), "%.1f") + "," +
               (share.detectable() ? "true" : "false");
      else
        csv += ",,";
      csv += "\r\n";
    }
  }
  return csv;
}

}  // namespace friction::collector
