#include "problems_request.h"

#include <charconv>
#include <optional>

#include "detect/friction_kind.h"
#include "device_codes.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

constexpr int64_t kMaxK = 1000;
constexpr int64_t kMaxLimit = 10000;

std::optional<std::string> param(const httplib::Params& params, const char* name) {
  const auto found = params.find(name);
  if (found == params.end()) return std::nullopt;
  return found->second;
}

// A whole number in [low, high], digits only.
std::optional<int64_t> number(const std::string& text, int64_t low, int64_t high) {
  int64_t value = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text[0] == '-' || text[0] == '+' || status != std::errc() ||
      end != text.data() + text.size() || value < low || value > high)
    return std::nullopt;
  return value;
}

}  // namespace

bool readProblemsRequest(const httplib::Params& params, int64_t today, ProblemsRequest& out,
                         std::string& parameter, std::string& error) {
  auto refuse = [&](const char* name, const std::string& why) {
    parameter = name;
    error = std::string(name) + ": " + why;
    return false;
  };
  ProblemQuery& query = out.query;
  const auto from = param(params, "from"), to = param(params, "to");
  std::optional<int64_t> from_day, to_day;
  if (from && !(from_day = parseUtcDay(*from))) return refuse("from", "not a date (YYYY-MM-DD)");
  if (to && !(to_day = parseUtcDay(*to))) return refuse("to", "not a date (YYYY-MM-DD)");
  // `to` names the last day included; the query excludes its to_day. Missing ends: 28 days
  // ending with today.
  query.to_day = to_day ? *to_day + 1 : from_day ? *from_day + kDefaultProblemDays : today + 1;
  query.from_day = from_day ? *from_day : query.to_day - kDefaultProblemDays;
  if (query.from_day >= query.to_day) return refuse("from", "must not be after to");
  if (query.to_day - query.from_day > kMaxProblemDays)
    return refuse("to", "the range is over " + std::to_string(kMaxProblemDays) + " days");

  query.site = param(params, "site").value_or("");
  query.step = param(params, "step").value_or("");
  query.kind = param(params, "kind").value_or("");
  if (!query.kind.empty() && !parseFrictionKind(query.kind))
    return refuse("kind", "not a kind of friction");
  query.pointer = param(params, "pointer").value_or("");
  if (!query.pointer.empty() && pointerCode(query.pointer) < 0)
    return refuse("pointer", "must be touch, mouse or unknown");
  query.width = param(params, "width").value_or("");
  if (!query.width.empty() && widthCode(query.width) < 0)
    return refuse("width", "must be narrow, medium, wide or unknown");
  // Raising k hides more; lowering it would show groups small enough to point at a person.
  query.min_views = kMinProblemViews;
  if (const auto k = param(params, "k")) {
    const auto value = number(*k, kMinProblemViews, kMaxK);
    if (!value)
      return refuse("k", "must be a whole number from " + std::to_string(kMinProblemViews) +
                             " to " + std::to_string(kMaxK));
    query.min_views = *value;
  }
  if (const auto limit = param(params, "limit")) {
    const auto value = number(*limit, 1, kMaxLimit);
    if (!value)
      return refuse("limit", "must be a whole number from 1 to " + std::to_string(kMaxLimit));
    query.limit = static_cast<size_t>(*value);
  }
  const std::string format = param(params, "format").value_or("json");
  if (format != "json" && format != "csv") return refuse("format", "must be json or csv");
  out.csv = format == "csv";
  return true;
}

}  // namespace friction::collector
