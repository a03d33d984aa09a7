#include "problems_json.h"

#include <nlohmann/json.hpp>

#include "utc_day.h"

namespace friction::collector {
namespace {

constexpr const char* kCsvColumns[] = {"site",   "step",    "kind",           "target",
                                       "role",   "views",   "signals",        "events",
                                       "previous_views", "trend", "daily_views", "first_seen",
                                       "last_seen", "name", "causes"};

std::string joined(const std::vector<int64_t>& numbers) {
  std::string text;
  for (const int64_t number : numbers) {
    if (!text.empty()) text += ' ';
    text += std::to_string(number);
  }
  return text;
}

// "validation_loop:41 rejected_submit:12": words of a fixed list and counts, no CSV quoting.
std::string joined(const std::vector<CauseCount>& causes) {
  std::string text;
  for (const auto& cause : causes)
    text += (text.empty() ? "" : " ") + cause.cause + ":" + std::to_string(cause.signals);
  return text;
}

}  // namespace

std::string_view trendName(ProblemTrend trend) {
  switch (trend) {
    case ProblemTrend::new_problem: return "new";
    case ProblemTrend::worse: return "worse";
    case ProblemTrend::better: return "better";
    case ProblemTrend::steady: break;
  }
  return "steady";
}

std::string problemsJson(const ProblemList& list) {
  const ProblemQuery& query = list.query;
  const int64_t days = query.to_day - query.from_day;
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& problem : list.problems) {
    nlohmann::json causes = nlohmann::json::object();  // {} for kinds that carry none
    for (const auto& cause : problem.causes) causes[cause.cause] = cause.signals;
    problems.push_back({{"site", problem.site},
                        {"step", problem.step},
                        {"kind", problem.kind},
                        {"target", problem.target},
                        {"role", problem.role},
                        {"name", problem.name},  // "" when the site named no element
                        {"views", problem.views},
                        {"signals", problem.signals},
                        {"events", problem.events},
                        {"previous_views", problem.previous_views},
                        {"trend", trendName(problem.trend)},
                        {"daily_views", problem.daily_views},
                        {"first_seen", problem.first_seen_ms},
                        {"last_seen", problem.last_seen_ms},
                        {"causes", std::move(causes)}});
  }
  return nlohmann::json{
      {"range",
       {{"from", formatUtcDay(query.from_day)},
        {"to", formatUtcDay(query.to_day - 1)},  // the last day included, as the URL says
        {"days", days}}},
      {"previous", {{"from", formatUtcDay(query.from_day - days)},
                    {"to", formatUtcDay(query.from_day - 1)}}},
      {"k", query.min_views},
      {"hidden", list.hidden},
      {"problems", std::move(problems)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string csvField(std::string_view text) {
  std::string field;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    field += '\'';
  field += text;
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string problemsCsv(const ProblemList& list) {
  std::string csv;
  for (const char* column : kCsvColumns) {
    if (!csv.empty()) csv += ',';
    csv += column;
  }
  csv += "\r\n";
  for (const auto& problem : list.problems) {
    const std::string fields[] = {csvField(problem.site),
                                  csvField(problem.step),
                                  csvField(problem.kind),
                                  csvField(problem.target),
                                  csvField(problem.role),
                                  std::to_string(problem.views),
                                  std::to_string(problem.signals),
                                  std::to_string(problem.events),
                                  std::to_string(problem.previous_views),
                                  std::string(trendName(problem.trend)),
                                  joined(problem.daily_views),
                                  std::to_string(problem.first_seen_ms),
                                  std::to_string(problem.last_seen_ms),
                                  csvField(problem.name),
                                  joined(problem.causes)};
    bool first = true;
    for (const auto& field : fields) {
      if (!first) csv += ',';
      csv += field;
      first = false;
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace friction::collector
