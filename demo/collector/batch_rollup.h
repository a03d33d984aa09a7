// What one batch adds to each rollup, summed within the batch: the counting rules every
// storage engine applies at intake (page views from first marks, goal tallies apart from views,
// quiet visits, help events), written once so that the engines cannot count differently.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "detect/friction_kind.h"
#include "intake/batch_reader.h"

namespace friction::collector {

// One problem (step × kind × element) in the batch.
struct ProblemPart {
  std::string role;  // the last signal's
  std::string name;  // the last name seen in the batch, "" if none
  int64_t signals = 0, events = 0, views = 0;
  std::map<std::string, int64_t> causes;  // signals by cause name, for those that told one
};

// A step's visit tallies (goal tallies left out: a view told again is not another view).
struct VisitPart {
  int64_t visits = 0;
  std::map<std::string, int64_t> said_met;  // by kind name
};

// A step's tallies for conversion, per goal ("" for the views' own).
struct OutcomePart {
  int64_t views = 0;
  int64_t quiet = 0;  // exact tallies that met friction and told no help was asked
  std::map<std::string, int64_t> said_met;
};

struct BatchRollup {
  // By (step, kind, target).
  std::map<std::tuple<std::string, std::string, std::string>, ProblemPart> problems;
  std::map<std::string, VisitPart> visits;  // by step
  std::map<std::pair<std::string, std::string>, OutcomePart> outcomes;  // by (step, goal)
  // By (step, kind, event).
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> help;
  int pointer = 0, width = 0;  // the device class, device_codes.h (0: unknown or not told)
};

BatchRollup rollUp(const ReceivedBatch& batch);

}  // namespace friction::collector
