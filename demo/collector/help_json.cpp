#include "help_json.h"

#include <nlohmann/json.hpp>

#include "problems_json.h"
#include "utc_day.h"

namespace friction::collector {

std::string helpJson(const HelpList& list) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : list.rows) {
    nlohmann::json item = {{"site", row.site}, {"step", row.step}, {"kind", row.kind}};
    for (size_t i = 0; i < kHelpEventCount; ++i)
      item[std::string(kHelpEventNames[i])] = row.events[i];
    item["left"] = row.left();
    rows.push_back(std::move(item));
  }
  const ProblemQuery& query = list.query;
  const nlohmann::json out = {
      {"range",
       {{"from", formatUtcDay(query.from_day)},
        {"to", formatUtcDay(query.to_day - 1)},
        {"days", query.to_day - query.from_day}}},
      {"k", query.min_views},
      {"hidden", list.hidden},
      {"help", std::move(rows)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string helpCsv(const HelpList& list) {
  std::string out = "site,step,kind";
  for (const auto name : kHelpEventNames) out.append(",").append(name);
  out += ",left\r\n";
  for (const auto& row : list.rows) {
    out += csvField(row.site) + "," + csvField(row.step) + "," + csvField(row.kind);
    for (const int64_t count : row.events) out += "," + std::to_string(count);
    out += "," + std::to_string(row.left()) + "\r\n";
  }
  return out;
}

}  // namespace friction::collector
