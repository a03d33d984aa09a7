// Problems, as a product team reads them: a kind of friction on one element of one step of one
// site, ranked by the page views it affected over a range of days, with its trend and whether it
// is new or worsening against the previous period of the same length. Read from rollups kept at
// intake (one row per problem and day), never from the raw signals, so that a view stays fast
// on a database of millions of signals.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace friction::collector {

// What a view asks for. Days are UTC calendar days, as days since 1970-01-01; `to` excluded.
struct ProblemQuery {
  int64_t from_day = 0;
  int64_t to_day = 0;
  std::string site;  // "" for every site
  std::string step;  // "" for every step
  std::string kind;  // "" for every kind
  // The device class (device_codes.h): "" for every one, else "touch", "mouse" or "unknown";
  // "narrow", "medium", "wide" or "unknown". Page views are then those of that class alone.
  std::string pointer;
  std::string width;
  // Groups of fewer page views than this are not shown, in the page, the API and the exports
  // alike: a count of 1 or 2 can point at one person.
  int64_t min_views = 5;
  size_t limit = 100;
};

enum class ProblemTrend { steady, new_problem, worse, better };

// Why a problem's signals happened, for kinds that say (encode/field_rules.h, kKindCauses).
struct CauseCount {
  std::string cause;    // detect/friction_cause.h, e.g. "validation_loop"
  int64_t signals = 0;  // signals of the range that told it
};

struct Problem {
  std::string site, step, kind;
  std::string target;  // the element's keyed selector hash (16 hex), "" for the page itself
  std::string role;    // button, link, textbox... as the SDK cleaned it
  std::string name;    // the name the site gave the element (data-friction-name), latest; "" none
  int64_t views = 0;           // page views affected in the range (see ProblemRollup)
  int64_t signals = 0;         // episodes told in the range
  int64_t events = 0;          // their counts added up (clicks, reversals...)
  int64_t previous_views = 0;  // the same, over the period of the same length just before
  ProblemTrend trend = ProblemTrend::steady;
  std::vector<int64_t> daily_views;  // one entry per day of the range, oldest first
  int64_t first_seen_ms = 0;  // over all time, not just the range
  int64_t last_seen_ms = 0;
  // Signals per cause over the range, of the device class asked, in the order of
  // detect/friction_cause.h; causes told fewer than min_views times left out (problem_causes.h).
  std::vector<CauseCount> causes = {};
};

// A problem on the page itself rather than one element: the SDK sends a zero hash for it.
inline bool isWholePage(const Problem& problem) {
  return problem.target.empty() || problem.target == "0000000000000000";
}

struct ProblemList {
  ProblemQuery query;
  std::vector<Problem> problems;  // most page views affected first
  size_t hidden = 0;              // problems left out for having fewer than min_views
};

}  // namespace friction::collector
