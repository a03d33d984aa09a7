// The problems view's query as a URL writes it: ?from=2026-11-01&to=2026-11-28 (UTC days, both
// shown), &site=, &step=, &kind=, &pointer= (touch, mouse, unknown), &width= (narrow, medium,
// wide, unknown). One reading for the dashboard's filter form and its export
// links (and for /v1/problems, once it reads this), so that an export is exactly the view.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "problems.h"

namespace friction::collector {

inline constexpr int64_t kDefaultProblemDays = 28;
inline constexpr int64_t kMaxProblemDays = 366;  // a year and a day: the rollups' daily series
// Not a parameter: a smaller threshold would show groups small enough to point at a person.
inline constexpr int64_t kMinProblemViews = 5;

// As httplib::Params.
using QueryParams = std::multimap<std::string, std::string>;

struct ProblemQueryParams {
  ProblemQuery query;
  // The parameters that could not be read ("from", "kind"...): they fell back to the default,
  // and the page says so rather than showing another view than the one asked for in silence.
  std::vector<std::string> ignored;
};

// The 28 UTC days ending today (today included, though not over), every site, step and kind.
ProblemQuery defaultProblemQuery(int64_t now_ms);

// Empty values are absent ones (an empty form field); a repeated parameter counts once.
ProblemQueryParams readProblemQuery(const QueryParams& params, int64_t now_ms);

// "from=2026-11-01&to=2026-11-28&site=shop&step=%2Fcart&kind=rage_click", percent-encoded,
// without the "?"; filters that are not set are left out.
std::string problemQueryString(const ProblemQuery& query);

}  // namespace friction::collector
