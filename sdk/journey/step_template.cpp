#include "journey/step_template.h"

#include <algorithm>
#include <cctype>

namespace friction {
namespace {

// Longer paths are cut: a template is a label for a step, not a record of the URL.
constexpr size_t kMaxSegments = 12;
// Segments this long are tokens or slugs with ids far more often than route names.
constexpr size_t kMaxNameLength = 40;
// A run of this many digits inside a segment ("order-20931") marks an id; fewer ("iphone-15",
// "2024") are names or years often enough to keep.
constexpr size_t kMinDigitRunForId = 5;
// Letters and digits run together this long, with no word separator, are a token (base64, JWT,
// session keys), not a route name: names are words joined by '-', '_' or '.'.
constexpr size_t kMinTokenLength = 16;

int hexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

// "%40" is '@' and "%2B" is '+': ids must be recognised however the URL spells them.
std::string percentDecoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

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

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool looksLikeIdentifier(std::string_view raw) {
  if (raw.empty()) return false;
  const std::string decoded = percentDecoded(raw);
  const std::string_view s = decoded;
  if (s.size() > kMaxNameLength) return true;
  if (s.find('@') != std::string_view::npos) return true;  // an email address
  if (std::all_of(s.begin(), s.end(), isDigit)) return true;
  size_t digits = std::count_if(s.begin(), s.end(), isDigit);
  // Hex ids, hashes and UUIDs: 8+ hex characters (dashes allowed) with at least one digit.
  size_t hex = std::count_if(s.begin(), s.end(), isHex);
  size_t dashes = std::count(s.begin(), s.end(), '-');
  if (hex + dashes == s.size() && hex >= 8 && digits > 0) return true;
  const bool has_separator = s.find_first_of("-_.") != std::string_view::npos;
  const bool has_letter = std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  if (s.size() >= kMinTokenLength && digits > 0 && has_letter && !has_separator) return true;
  size_t run = 0;
  for (char c : s) {
    run = isDigit(c) ? run + 1 : 0;
    if (run >= kMinDigitRunForId) return true;
  }
  return false;
}

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
  std::string out;
  for (auto segment : segments) {
    out += '/';
    if (looksLikeIdentifier(segment)) out += ":id";
    else out += segment;
  }
  return out.empty() ? "/" : out;
}

}  // namespace friction
