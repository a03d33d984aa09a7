#include "dashboard_language.h"

#include <cstdlib>

namespace friction::collector {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool startsWithLanguage(std::string_view tag, std::string_view language) {
  if (tag.size() < language.size()) return false;
  for (size_t i = 0; i < language.size(); ++i)
    if ((tag[i] | 0x20) != language[i]) return false;  // ASCII letters, any case
  return tag.size() == language.size() || tag[language.size()] == '-';
}

// "q=0.8" → 0.8; a missing or unreadable weight counts as 1, as browsers write none for it.
double weightOf(std::string_view parameters) {
  const auto q = parameters.find("q=");
  if (q == std::string_view::npos) return 1;
  const std::string value(trimmed(parameters.substr(q + 2)));
  char* end = nullptr;
  const double weight = std::strtod(value.c_str(), &end);
  return end == value.c_str() ? 1 : weight;
}

}  // namespace

DashboardLanguage chooseDashboardLanguage(std::string_view lang_param,
                                          std::string_view accept_language) {
  if (lang_param == "fr") return DashboardLanguage::fr;
  if (lang_param == "en") return DashboardLanguage::en;
  // The heaviest of fr and en wins; between equal weights, the one listed first.
  double best = 0;
  DashboardLanguage chosen = DashboardLanguage::en;
  while (!accept_language.empty()) {
    const auto comma = accept_language.find(',');
    const std::string_view item = trimmed(accept_language.substr(0, comma));
    accept_language = comma == std::string_view::npos ? std::string_view()
                                                       : accept_language.substr(comma + 1);
    const auto semicolon = item.find(';');
    const std::string_view tag = trimmed(item.substr(0, semicolon));
    const double weight =
        semicolon == std::string_view::npos ? 1 : weightOf(item.substr(semicolon + 1));
    const bool french = startsWithLanguage(tag, "fr");
    if (!french && !startsWithLanguage(tag, "en")) continue;
    if (weight > best) {
      best = weight;
      chosen = french ? DashboardLanguage::fr : DashboardLanguage::en;
    }
  }
  return chosen;
}

std::string fillIn(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  auto value = values.begin();
  for (size_t at = 0; at < pattern.size();) {
    const auto hole = pattern.find("{}", at);
    if (hole == std::string_view::npos || value == values.end()) {
      out += pattern.substr(at);
      break;
    }
    out += pattern.substr(at, hole - at);
    out += *value++;
    at = hole + 2;
  }
  return out;
}

}  // namespace friction::collector
