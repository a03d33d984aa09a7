// The collector's reading of a signal batch (the wire format of sdk/encode/signal_batch.h), once
// intake/frame_decoder.h has decompressed it: the JSON is validated field by field, within the
// limits of intake/intake_limits.h.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "intake/intake_limits.h"

namespace friction {

struct ReceivedSignal {
  std::string kind, step, role, target;
  uint32_t count = 0, at_s = 0, span_ms = 0;
  double score = 0;
  bool first = false;  // the first of its (kind, step, target) in its page load (v2)
  std::string name = {};  // the name the site gave the element, "" if none (v2)
  // Why, for a kind that carries causes (field_rules::kKindCauses): "validation_loop"...;
  // "" when not told (none, or an SDK from before causes).
  std::string cause = {};
};

struct ReceivedVisit {
  std::string step;
  std::vector<std::string> met;  // distinct kind names
  // Optional, from SDKs that tell them (older ones do not): the visitor asked for help during
  // the view (-1 not told: randomized tallies never tell it), and the goal's name when this is a
  // goal tally (the same view told again because the tab went on to reach the goal).
  int help = -1;
  std::string goal;
};

// What became of a help offer (decide/help_outcomes.h): its step, its cause, one event.
struct ReceivedHelpEvent {
  std::string step, kind, event;
};

struct ReceivedBatch {
  std::string id, site, sdk;
  uint32_t version = 0;  // 1: no first marks (a problem counts once per batch); 2: first marks
  std::string pointer, width;  // the device class (v2, with signals only); "" if not told
  uint32_t dropped = 0;
  std::vector<ReceivedSignal> signals;
  std::vector<ReceivedVisit> visits;
  std::vector<ReceivedHelpEvent> help;  // optional on the wire: older SDKs send none
  double epsilon = 0;  // > 0: the visits went through randomized response with this ε
  uint32_t refused = 0;       // signals, visits and help events left out, each invalid on its own
  std::string first_refusal;  // why the first of them was, e.g. "signals[3].step: ..."
};

// Parses and validates a batch. A signal or visit that is invalid is left out and counted
// (`refused`): one bad record does not cost the good ones. False when the batch itself is
// malformed (its header, its arrays), or when it held records and none was valid; `error` then
// names the field, e.g. "signals[3].step: must not contain a query or fragment".
bool readBatchJson(std::string_view json, ReceivedBatch& out, std::string& error);

}  // namespace friction
