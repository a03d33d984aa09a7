// GET /v1/help answered as JSON or CSV (help_store.h):
//   {"range":{"from","to" (both included),"days"},"k":5,"hidden":N,
//    "help":[{"site","step","kind","offered","opened","dismissed","handoff","solved","unsolved",
//             "moved_on","moved_on_after_opening","goal","goal_after_opening","left"}]}
// "left" is derived here (offered - moved_on - moved_on_after_opening): the SDK never sends it.
#pragma once
#include <string>

#include "help_store.h"

namespace friction::collector {

std::string helpJson(const HelpList& list);
// The same rows as CSV (RFC 4180, CRLF), one header row; text fields through csvField().
std::string helpCsv(const HelpList& list);

}  // namespace friction::collector
