#include "anonymise/step_template.h"

#include <algorithm>

#include "anonymise/identifier_segment.h"
#include "encode/field_rules.h"

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

// A segment as the collector takes it (encode/field_rules.h): whitespace and control bytes
// percent-encoded as a browser would, a parameter's name of [A-Za-z0-9_] only (":product-id"
// becomes ":product_id"), and whatever is still not clean (an id, a name that is one) ":id".
std::string cleanSegment(std::string_view segment) {
  using namespace field_rules;
  std::string out;
  if (!segment.empty() && segment.front() == ':') {
    out = ":";
    for (char c : segment.substr(1).substr(0, kMaxParameterNameChars))
      out += isParameterNameChar(c) ? c : '_';
  } else {
    constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : segment) {
      if (isStepChar(c)) {
        out += c;
        continue;
      }
      const auto byte = static_cast<unsigned char>(c);
      out += {'%', kHex[byte >> 4], kHex[byte & 15]};
    }
  }
  return isCleanSegment(out) ? out : ":id";
}

// "/" and the segments, cut before the template would outgrow what the collector takes.
template <typename Segments>
std::string joinedTemplate(const Segments& segments) {
  std::string out;
  for (const auto& segment : segments) {
    const std::string part = "/" + cleanSegment(segment);
    if (out.size() + part.size() > field_rules::kMaxStepChars) break;
    out += part;
  }
  return out.empty() ? "/" : out;
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
    return joinedTemplate(route);
  }
  if (routes_only_) return std::string(kOtherStep);
  std::vector<std::string_view> parts;
  for (auto segment : segments) parts.push_back(looksLikeIdentifier(segment) ? ":id" : segment);
  return joinedTemplate(parts);
}

}  // namespace friction
