// GET /v1/conversion (conversion.h): what friction costs in conversions over a range of days, as
// JSON or CSV. The same parameters as /v1/problems (problems_request.h: from, to, site, k,
// format; step, kind and limit are read but do not narrow it), plus goal= (a goal name; default:
// every goal seen).
#pragma once
#include <string>

#include "conversion.h"
#include "problems.h"

namespace friction::collector {

// {"from":"2026-11-01","to":"2026-11-28","site":"","goal":"","k":5,"goals":["purchase"],
//  "hidden":0,
//  "conversion":[{"site","step","kind","goal","estimated","views_with","views_without",
//                 "converted_with","converted_without","difference","difference_low",
//                 "difference_high","visits_lost","visits_lost_low","visits_lost_high"}],
//  "silent_churn":[{"site","step","goal","quiet_views","quiet_converted","silent_churn"}]}
// Counts are rounded to a tenth of a view, shares to 4 decimals.
std::string conversionJson(const ConversionReport& report, const ProblemQuery& query,
                           const std::string& goal);
// One row per step and kind, the columns of "conversion" above.
std::string conversionCsv(const ConversionReport& report);

}  // namespace friction::collector
