// The query string of GET /v1/problems, read and checked:
//   from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, both included, as the dashboard's form and export
//   links write them; default: the 28 days ending today, today included)
//   site=&step=&kind= (filters; kind one of the SDK's kinds)  k=5 (5..1000: higher only)
//   pointer=touch|mouse|unknown  width=narrow|medium|wide|unknown (the device class; the page
//   views counted, and k, are then those of that class alone)
//   limit=100 (1..10000)  format=json|csv
#pragma once
#include <httplib.h>

#include <cstdint>
#include <string>

#include "problem_query_params.h"
#include "problems.h"

namespace friction::collector {

struct ProblemsRequest {
  ProblemQuery query;
  bool csv = false;
};

// False with `error` naming the parameter ("from: not a date (YYYY-MM-DD)") and `parameter`.
// `today` is the current UTC day.
bool readProblemsRequest(const httplib::Params& params, int64_t today, ProblemsRequest& out,
                         std::string& parameter, std::string& error);

}  // namespace friction::collector
