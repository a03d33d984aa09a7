#include "anonymise/step_template.h"

#include <algorithm>

#include "anonymise/identifier_segment.h"

namespace friction {
namespace {

// Longer paths are cut: a template is a label for a step, not a record of the URL.
constexpr size_t kMaxSegments = 12;

std::string_view pathOf(std::string_view url) {
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
    auto slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  }
  url = url.substr(0, url.find_first_of("?#"));
  return url.empty() ? std::string_view("/") : url;
}

std::vector<std::string_view> segmentsOf(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size() && segments.size() < kMaxSegments) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

}  // namespace

bool StepTemplater::addRoute(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') return false;
  std::vector<std::string> parts;
  for (auto segment : segmentsOf(pattern)) parts.emplace_back(segment);
  routes_.push_back(std::move(parts));
  return true;
}

std::string StepTemplater::templateOf(std::string_view url) const {
  const auto segments = segmentsOf(pathOf(url));
  for (const auto& route : routes_) {
    if (route.size() != segments.size()) continue;
    bool match = std::equal(route.begin(), route.end(), segments.begin(),
                            [](const std::string& pattern, std::string_view segment) {
                              return (!pattern.empty() && pattern.front() == ':') ||
                                     pattern == segment;
                            });
    if (!match) continue;
    std::string out;
    for (const auto& part : route) out += "/" + part;
    return out.empty() ? "/" : out;
  }
  if (routes_only_) return std::string(kOtherStep);
  std::string out;
  for (auto segment : segments) {
    out += '/';
    if (looksLikeIdentifier(segment)) out += ":id";
    else out += segment;
  }
  return out.empty() ? "/" : out;
}

}  // namespace friction
