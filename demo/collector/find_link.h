// "Open on the page": a problem's row links to a page of its site whose address ends in
// #friction-find=<hash>. The SDK on that page (js/src/finder/) outlines the elements with that
// keyed hash, locally. The collector knows steps, not addresses: a step without parameters is
// its own address; for one with parameters ("/product/:id") the row asks for the address of
// one of its pages and /dashboard/find sends the browser there.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "dashboard_text.h"
#include "problems.h"

namespace friction::collector {

inline constexpr const char* kFindRoute = "/dashboard/find";
// Longer is not an address a person typed.
inline constexpr size_t kMaxFindPathChars = 2048;

// "#friction-find=8bf6fc011213a86b&friction-kind=rage_click", as js/src/finder/find_request.js
// reads it.
std::string findFragment(std::string_view target, std::string_view kind);

// origin + path + fragment, the path percent-encoded where a URL needs it; nothing, and
// `error`, for a path that is not one of the site's (it must start with a single "/" and hold
// no "#", whitespace or control character), a target that is not 16 hex digits or an unknown
// kind ("" for none).
std::optional<std::string> findPageUrl(std::string_view origin, std::string_view path,
                                       std::string_view target, std::string_view kind,
                                       std::string& error);

// The row's control, or "" when there is nothing to find (the page itself) or the site has no
// origin on this collector.
std::string renderFindControl(const Problem& problem, const std::string& origin,
                              const DashboardText& text);

}  // namespace friction::collector
