// The collector's reading of a request to talk to a person (POST /v1/handoff), with the journey
// summary the visitor agreed to share for it (sdk/journey/journey_log.h), or null when they
// did not:
//   {"v":1,"site":"demo","summary":{"steps":[{"step":"/cart","seconds":40,"met":{"dead_click":2}}]}}
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "intake/intake_limits.h"

namespace friction {

struct HandoffStep {
  std::string step;
  uint32_t seconds = 0;
  std::vector<std::pair<std::string, uint32_t>> met;  // kind, times
};

struct ReceivedHandoff {
  std::string site;
  bool has_summary = false;
  std::vector<HandoffStep> steps;
};

bool readHandoffJson(std::string_view json, ReceivedHandoff& out, std::string& error);
// The summary alone, {"steps":[...]}, as the collector stores it.
bool readHandoffSummaryJson(std::string_view json, std::vector<HandoffStep>& steps,
                            std::string& error);

}  // namespace friction
