// GET /v1/handoffs: the dashboard's "Asked for a person" table as JSON or CSV: the steps the
// visitors asked from (the last step of the journey they shared; none when they kept it), of
// the latest hand-offs, with the dashboard's k. Each request itself is in the agent view.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "step_sections.h"

namespace friction::collector {

// {"k":5,"handoffs":N,"hidden_steps":H,"steps":[{"step":"/checkout","asks":7,"last_asked":MS}]}
// "step" is null for requests whose journey was not shared. `handoff_count`: how many requests
// `by_step` counts.
std::string handoffsJson(const std::vector<HandoffsAtStep>& by_step, size_t handoff_count,
                         int64_t min_asks);

// step,asks,last_asked (RFC 4180, CRLF); an empty step for a journey not shared.
std::string handoffsCsv(const std::vector<HandoffsAtStep>& by_step, int64_t min_asks);

}  // namespace friction::collector
