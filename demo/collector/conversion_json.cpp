#include "conversion_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "problems_json.h"  // csvField
#include "utc_day.h"

namespace friction::collector {
namespace {

double tenth(double value) { return std::round(value * 10) / 10; }
double share(double value) { return std::round(value * 1e4) / 1e4; }

// As JSON writes it, but a whole number without ".0" (a count of views reads as one).
std::string number(double value) {
  if (std::abs(value) < 1e15 && value == std::floor(value))
    return std::to_string(static_cast<long long>(value));
  nlohmann::json json = value;
  return json.dump();
}

}  // namespace

std::string conversionJson(const ConversionReport& report, const ProblemQuery& query,
                           const std::string& goal) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : report.kinds) {
    rows.push_back({{"site", row.site},
                    {"step", row.step},
                    {"kind", row.kind},
                    {"goal", row.goal},
                    {"estimated", row.estimated},
                    {"views_with", tenth(row.views_with)},
                    {"views_without", tenth(row.views_without)},
                    {"converted_with", share(row.converted_with)},
                    {"converted_without", share(row.converted_without)},
                    {"difference", share(row.difference)},
                    {"difference_low", share(row.low)},
                    {"difference_high", share(row.high)},
                    {"visits_lost", tenth(row.visits_lost)},
                    {"visits_lost_low", tenth(row.visits_lost_low)},
                    {"visits_lost_high", tenth(row.visits_lost_high)}});
  }
  nlohmann::json silent = nlohmann::json::array();
  for (const auto& row : report.silent) {
    silent.push_back({{"site", row.site},
                      {"step", row.step},
                      {"goal", row.goal},
                      {"quiet_views", row.quiet_views},
                      {"quiet_converted", row.quiet_converted},
                      {"silent_churn", row.silent_churn}});
  }
  return nlohmann::json{{"from", formatUtcDay(query.from_day)},
                        {"to", formatUtcDay(query.to_day - 1)},
                        {"site", query.site},
                        {"goal", goal},
                        {"k", query.min_views},
                        {"goals", report.goals},
                        {"hidden", report.hidden},
                        {"conversion", std::move(rows)},
                        {"silent_churn", std::move(silent)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string conversionCsv(const ConversionReport& report) {
  std::string csv =
      "site,step,kind,goal,estimated,views_with,views_without,converted_with,converted_without,"
      "difference,difference_low,difference_high,visits_lost,visits_lost_low,visits_lost_high\r\n";
  for (const auto& row : report.kinds) {
    csv += csvField(row.site) + "," + csvField(row.step) + "," + csvField(row.kind) + "," +
           csvField(row.goal) + "," + (row.estimated ? "true" : "false");
    for (double value : {tenth(row.views_with), tenth(row.views_without),
                         share(row.converted_with), share(row.converted_without),
                         share(row.difference), share(row.low), share(row.high),
                         tenth(row.visits_lost), tenth(row.visits_lost_low),
                         tenth(row.visits_lost_high)})
      csv += "," + number(value);
    csv += "\r\n";
  }
  return csv;
}

}  // namespace friction::collector
