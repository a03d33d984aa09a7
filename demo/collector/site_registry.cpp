#include "site_registry.h"

#include <algorithm>

namespace friction::collector {

bool isOrigin(std::string_view text) {
  const bool http = text.rfind("http://", 0) == 0, https = text.rfind("https://", 0) == 0;
  if (!http && !https) return false;
  const auto rest = text.substr(http ? 7 : 8);
  if (rest.empty()) return false;
  for (char c : rest) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}

bool SiteRegistry::add(std::string_view spec, std::string& error) {
  const size_t equals = spec.find('=');
  const std::string site(spec.substr(0, equals));
  bool site_ok = !site.empty() && site.size() <= 64;
  for (char c : site)
    site_ok = site_ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  if (equals == std::string_view::npos || !site_ok) {
    error = "--site must be NAME=ORIGIN[,ORIGIN...], NAME as in data-site, e.g. "
            "shop=https://shop.example";
    return false;
  }
  std::vector<std::string> origins;
  std::string_view rest = spec.substr(equals + 1);
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const auto origin = rest.substr(0, comma);
    if (!isOrigin(origin)) {
      error = "--site " + site + ": \"" + std::string(origin) +
              "\" is not an origin like https://shop.example";
      return false;
    }
    origins.emplace_back(origin);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (origins.empty()) {
    error = "--site " + site + " needs at least one origin";
    return false;
  }
  origins_[site] = std::move(origins);
  return true;
}

std::optional<std::string> SiteRegistry::refusal(const std::string& site,
                                                 const std::string& origin) const {
  if (origins_.empty())
    return std::string("no site is registered on this collector (--site NAME=ORIGIN)");
  const auto it = origins_.find(site);
  if (it == origins_.end()) return "site \"" + site + "\" is not registered on this collector";
  // Browsers send Origin with every POST, beacons included: none means not a page of the site.
  if (origin.empty()) return std::string("a batch must carry the Origin of a page of its site");
  if (std::find(it->second.begin(), it->second.end(), origin) == it->second.end())
    return "origin " + origin + " may not send batches for site \"" + site + "\"";
  return std::nullopt;
}

bool SiteRegistry::knowsOrigin(const std::string& origin) const {
  for (const auto& [site, origins] : origins_)
    if (std::find(origins.begin(), origins.end(), origin) != origins.end()) return true;
  return false;
}

std::map<std::string, std::string> SiteRegistry::firstOrigins() const {
  std::map<std::string, std::string> first;
  for (const auto& [site, origins] : origins_) first[site] = origins.front();
  return first;
}

}  // namespace friction::collector
