#include "handoffs_json.h"

#include <nlohmann/json.hpp>

#include "problems_json.h"

namespace friction::collector {

std::string handoffsJson(const std::vector<HandoffsAtStep>& by_step, size_t handoff_count,
                         int64_t min_asks) {
  nlohmann::json steps = nlohmann::json::array();
  int64_t hidden = 0;
  for (const auto& at : by_step) {
    if (at.asks < min_asks) {
      ++hidden;
      continue;
    }
    steps.push_back({{"step", at.step.empty() ? nlohmann::json(nullptr) : nlohmann::json(at.step)},
                     {"asks", at.asks},
                     {"last_asked", at.last_ms}});
  }
  return nlohmann::json{{"k", min_asks},
                        {"handoffs", handoff_count},
                        {"hidden_steps", hidden},
                        {"steps", std::move(steps)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string handoffsCsv(const std::vector<HandoffsAtStep>& by_step, int64_t min_asks) {
  std::string csv = "step,asks,last_asked\r\n";
  for (const auto& at : by_step) {
    if (at.asks < min_asks) continue;
    csv += csvField(at.step) + "," + std::to_string(at.asks) + "," + std::to_string(at.last_ms) +
           "\r\n";
  }
  return csv;
}

}  // namespace friction::collector
