// GET /agent: the hand-offs as a support agent reads them, newest first: the reference the
// visitor gives, and what happened before they asked (when they agreed to share it).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "handoff_store.h"

namespace friction::collector {

std::string renderAgentPage(const std::vector<StoredHandoff>& handoffs, int64_t now_ms);

}  // namespace friction::collector
