#include "encode/codec.h"

#include "encode/batch_record.h"
#include "encode/journey_record.h"
#include "encode/signal_batch.h"

namespace friction {

std::optional<EncodedBatch> encodeBatchRecord(const uint8_t* record, size_t size) {
  const auto batch = readBatchRecord(record, size);
  if (!batch) return std::nullopt;
  EncodedBatch encoded;
  encoded.json = encodeBatchJson(batch->header, batch->signals, batch->visits, batch->help);
  encoded.frame = compressBatch(encoded.json);
  if (encoded.frame.empty()) return std::nullopt;
  return encoded;
}

std::string encodeJourneyRecord(const uint8_t* record, size_t size) {
  const auto steps = readJourneyRecord(record, size);
  return steps ? journeySummaryJson(*steps) : std::string();
}

}  // namespace friction
