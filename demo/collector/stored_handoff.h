// A request to talk to a person as the agent view lists it: a short reference the visitor gives
// the agent, the site, when, and the journey summary if the visitor agreed to share it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "intake/handoff_reader.h"

namespace friction::collector {

struct StoredHandoff {
  std::string reference, site;
  int64_t created_at_ms = 0;
  std::optional<std::vector<HandoffStep>> summary;  // nothing when the visitor did not share it
};

}  // namespace friction::collector
