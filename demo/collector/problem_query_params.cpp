#include "problem_query_params.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "detect/friction_kind.h"
#include "device_codes.h"
#include "url_encoding.h"
#include "utc_day.h"

namespace friction::collector {
namespace {

// Longer than any site name or step template the intake takes: such a filter matches nothing.
constexpr size_t kMaxFilterLength = 512;

std::optional<std::string> given(const QueryParams& params, const char* name) {
  const auto it = params.find(name);
  if (it == params.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

void ignore(std::vector<std::string>& ignored, const char* name) {
  if (std::find(ignored.begin(), ignored.end(), name) == ignored.end()) ignored.push_back(name);
}

void readText(const QueryParams& params, const char* name, std::string& into,
              std::vector<std::string>& ignored) {
  const auto value = given(params, name);
  if (!value) return;
  if (value->size() > kMaxFilterLength) ignore(ignored, name);
  else into = *value;
}

}  // namespace

ProblemQuery defaultProblemQuery(int64_t now_ms) {
  ProblemQuery query;
  query.to_day = utcDayOf(now_ms) + 1;  // today included: what happened a minute ago shows
  query.from_day = query.to_day - kDefaultProblemDays;
  query.min_views = kMinProblemViews;
  return query;
}

ProblemQueryParams readProblemQuery(const QueryParams& params, int64_t now_ms) {
  ProblemQueryParams read{defaultProblemQuery(now_ms), {}};
  ProblemQuery& query = read.query;

  // `to` names the last day shown; the query excludes its `to_day`.
  if (const auto from = given(params, "from")) {
    if (const auto day = parseUtcDay(*from)) query.from_day = *day;
    else ignore(read.ignored, "from");
  }
  if (const auto to = given(params, "to")) {
    if (const auto day = parseUtcDay(*to)) query.to_day = *day + 1;
    else ignore(read.ignored, "to");
  }
  const int64_t days = query.to_day - query.from_day;
  if (days < 1 || days > kMaxProblemDays) {
    const ProblemQuery fallback = defaultProblemQuery(now_ms);
    query.from_day = fallback.from_day;
    query.to_day = fallback.to_day;
    ignore(read.ignored, "from");
    ignore(read.ignored, "to");
  }

  readText(params, "site", query.site, read.ignored);
  readText(params, "step", query.step, read.ignored);
  if (const auto kind = given(params, "kind")) {
    if (parseFrictionKind(*kind)) query.kind = *kind;
    else ignore(read.ignored, "kind");
  }
  if (const auto pointer = given(params, "pointer")) {
    if (pointerCode(*pointer) >= 0) query.pointer = *pointer;
    else ignore(read.ignored, "pointer");
  }
  if (const auto width = given(params, "width")) {
    if (widthCode(*width) >= 0) query.width = *width;
    else ignore(read.ignored, "width");
  }
  return read;
}

std::string problemQueryString(const ProblemQuery& query) {
  std::string text = "from=" + formatUtcDay(query.from_day) + "&to=" + formatUtcDay(query.to_day - 1);
  if (!query.site.empty()) text += "&site=" + percentEncoded(query.site);
  if (!query.step.empty()) text += "&step=" + percentEncoded(query.step);
  if (!query.kind.empty()) text += "&kind=" + percentEncoded(query.kind);
  if (!query.pointer.empty()) text += "&pointer=" + percentEncoded(query.pointer);
  if (!query.width.empty()) text += "&width=" + percentEncoded(query.width);
  return text;
}

}  // namespace friction::collector
