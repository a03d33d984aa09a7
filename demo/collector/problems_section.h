// The dashboard's first section: problems ranked by the page views they affected, with the
// filter form (a plain GET form: it works without JavaScript), the privacy threshold's count,
// and links to the CSV and JSON export of exactly this view.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "conversion.h"
#include "dashboard_text.h"
#include "problems.h"

namespace friction::collector {

// The daily series of a sparkline cell, "3 5 0", read by /dashboard/problems.js.
std::string dailySeriesText(const std::vector<int64_t>& daily_views);

// `ignored`: the query parameters that fell back to their defaults (problem_query_params.h).
// `site_origins`: where each site's pages are, for "open on the page" (find_link.h).
// `conversion`: what friction costs (conversion.h) over the same days; its columns and the
// silent churn are shown when given.
std::string renderProblemsSection(const ProblemList& list, const DashboardText& text,
                                  const std::vector<std::string>& ignored = {},
                                  const std::map<std::string, std::string>& site_origins = {},
                                  const ConversionReport* conversion = nullptr);

}  // namespace friction::collector
