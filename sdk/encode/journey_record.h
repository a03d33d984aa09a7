// The journey summary on its way out: the core writes it as a record (encode/record_bytes.h),
// the codec reads it back and writes it as JSON (journeySummaryJson, encode/signal_batch.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journey/journey_log.h"

namespace friction {

std::vector<uint8_t> writeJourneyRecord(const std::vector<JourneyStepSummary>& steps);
// Nothing for a short or damaged record, or one of another version.
std::optional<std::vector<JourneyStepSummary>> readJourneyRecord(const uint8_t* data, size_t size);

}  // namespace friction
