// GET /v1/problems answered as JSON or as CSV (problems.h).
#pragma once
#include <string>
#include <string_view>

#include "problems.h"

namespace friction::collector {

// "new", "worse", "better", "steady".
std::string_view trendName(ProblemTrend trend);

// {"range":{"from","to" (both included),"days"},"previous":{"from","to"},"k":5,"hidden":N,
//  "problems":[{"site","step","kind","target","role","views","signals","events",
//               "previous_views","trend","daily_views":[...],"first_seen","last_seen",
//               "causes":{"validation_loop":41,...}}]}
// Days as "YYYY-MM-DD" (`to` excluded), first/last seen as unix ms. "causes": signals per
// cause for kinds that carry some (form_struggle), those under k left out; {} otherwise.
std::string problemsJson(const ProblemList& list);

// The same problems as CSV (RFC 4180, CRLF line ends): a header row, then one row per problem
// with the JSON's scalar fields, daily_views as one field of numbers joined by spaces, causes
// last as "validation_loop:41 rejected_submit:12" ("" when none).
std::string problemsCsv(const ProblemList& list);

// One CSV field: a text starting with = + - @ (or a tab or CR) gets a leading apostrophe, so
// that a spreadsheet shows it instead of running it as a formula (steps come from clients);
// then quoted, quotes doubled, when it holds a comma, a quote or a line break.
std::string csvField(std::string_view text);

}  // namespace friction::collector
