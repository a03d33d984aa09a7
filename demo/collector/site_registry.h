// Which sites this collector takes batches for, and from which origins (--site NAME=ORIGINS).
// A site's id is its key: the SDK sends it in every batch (data-site), and a batch for a site
// the collector does not know is refused, and so is one without an Origin the site lists.
// Without any --site, nothing is taken.
//
// What this proves: the browser of the page that sent a batch put that page's origin in the
// Origin header, so other sites' pages cannot write here (nor read, with CORS only for these
// origins). What it does not prove: anyone with curl can send any Origin; registration stops
// other sites' pages, not scripts.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace friction::collector {

class SiteRegistry {
 public:
  // "shop=https://shop.example,https://www.shop.example". False and `error` if malformed.
  bool add(std::string_view spec, std::string& error);
  bool empty() const { return origins_.empty(); }

  // Whether a batch for `site` may come from `origin` ("" when the request had none).
  // Returns the refusal's message, or nothing when it may.
  std::optional<std::string> refusal(const std::string& site, const std::string& origin) const;
  // Whether any registered site lists `origin`: CORS answers for it.
  bool knowsOrigin(const std::string& origin) const;
  // Each site's first origin, where the dashboard opens its pages ("open on the page").
  std::map<std::string, std::string> firstOrigins() const;

 private:
  std::map<std::string, std::vector<std::string>> origins_;
};

// scheme://host[:port] and nothing else: it may end up in a response header.
bool isOrigin(std::string_view text);

}  // namespace friction::collector
