// The query string of GET /v1/problems, read and checked:
//   from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, `to` excluded; default: the 28 days ending today)
//   site=&step=&kind= (filters; kind one of the SDK's kinds)  k=5 (1..1000)
//   limit=100 (1..10000)  format=json|csv
#pragma once
#include <httplib.h>

#include <cstdint>
#include <string>

#include "problems.h"

namespace friction::collector {

inline constexpr int64_t kDefaultProblemDays = 28;
inline constexpr int64_t kMaxProblemDays = 366;

struct ProblemsRequest {
  ProblemQuery query;
  bool csv = false;
};

// False with `error` naming the parameter ("from: not a date (YYYY-MM-DD)") and `parameter`.
// `today` is the current UTC day.
bool readProblemsRequest(const httplib::Params& params, int64_t today, ProblemsRequest& out,
                         std::string& parameter, std::string& error);

}  // namespace friction::collector
