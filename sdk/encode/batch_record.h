// What goes into one batch, as the detection core hands it to the codec (encode/codec.h):
// header, signals and visit tallies in the binary form of encode/record_bytes.h. The codec turns
// a record into the wire format (encode/signal_batch.h). Records stay inside the browser.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decide/help_outcomes.h"
#include "signals/signal.h"
#include "signals/visit_tally.h"

namespace friction {

struct BatchHeader {
  std::string site;
  std::string sdk_version;
  uint32_t dropped = 0;  // signals and visits the queues could not hold since the last batch
  double epsilon = 0;    // randomized response on the visits; 0: the tallies are exact
  std::string id;        // 32 hex digits, random: the collector stores a retried batch once
  // The device class (signals/device_class.h), only in a batch that holds signals: "" else.
  std::string pointer = {};  // "touch" or "mouse"
  std::string width = {};    // "narrow", "medium" or "wide"
};

struct BatchContent {
  BatchHeader header;
  std::vector<Signal> signals;
  std::vector<VisitTally> visits;
  std::vector<HelpEventRecord> help;  // what became of help offers (decide/help_outcomes.h)
};

std::vector<uint8_t> writeBatchRecord(const BatchContent& batch);
// Nothing for a record that is short, damaged, of another version or names an unknown kind or
// cause.
std::optional<BatchContent> readBatchRecord(const uint8_t* data, size_t size);

}  // namespace friction
