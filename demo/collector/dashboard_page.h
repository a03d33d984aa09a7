// GET /dashboard: where journeys hurt, at a glance. Server-rendered HTML with no inline script
// or style, so it works under the collector's strict Content-Security-Policy.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dashboard_text.h"
#include "handoff_store.h"
#include "help_store.h"
#include "problems.h"
#include "signal_store.h"
#include "visit_shares.h"
#include "conversion.h"

namespace friction::collector {

struct DashboardData {
  std::vector<StepShares> visits;      // most visited first
  std::vector<StoredHandoff> handoffs; // newest first
  int64_t now_ms = 0;
  // Shown first when present (problems_section.h), with the parameters that fell back.
  std::optional<ProblemList> problems;
  std::vector<std::string> problem_params_ignored;
  std::map<std::string, std::string> site_origins;  // for "open on the page" (find_link.h)
  // What friction costs in conversions over the problems' days (conversion.h), if computed.
  std::optional<ConversionReport> conversion;
  // "Did help work", for the same days and filters, after the problems (help_section.h).
  std::optional<HelpList> help;
  DashboardLanguage language = DashboardLanguage::en;
  bool charts = false;  // uPlot is installed: the sparklines are drawn
};

inline constexpr const char* kDashboardStylesheet = "/dashboard/dashboard.css";
// uPlot, served from node_modules/uplot/dist (no CDN), and the script that draws with it.
inline constexpr const char* kChartStylesheet = "/dashboard/vendor/uPlot.min.css";
inline constexpr const char* kChartLibrary = "/dashboard/vendor/uPlot.iife.min.js";
inline constexpr const char* kProblemsScript = "/dashboard/problems.js";

std::string renderDashboard(const DashboardData& data);

}  // namespace friction::collector
