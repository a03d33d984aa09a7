// A journey step is the page or route the user is on, as a template: "/product/:id", never
// "/product/8812?coupon=ALICE#reviews". Templates group users' journeys without carrying ids,
// queries or fragments (which often hold emails, tokens or search terms).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace friction {

// The step of every undeclared path under routesOnly.
inline constexpr std::string_view kOtherStep = "/other";

class StepTemplater {
 public:
  // Site-declared templates such as "/product/:id" win over the heuristics.
  // Returns false (and ignores it) if the pattern does not start with '/'.
  bool addRoute(std::string_view pattern);

  // For sites whose paths carry names ("/u/jane-doe"), which no heuristic can tell from words:
  // only declared routes are told, any other path is kOtherStep.
  void routesOnly(bool on) { routes_only_ = on; }

  // Accepts a full URL, a path, or a path with query/fragment; returns the template, always
  // one the collector takes (encode/field_rules.h).
  std::string templateOf(std::string_view url) const;

 private:
  std::vector<std::vector<std::string>> routes_;
  bool routes_only_ = false;
};

}  // namespace friction
