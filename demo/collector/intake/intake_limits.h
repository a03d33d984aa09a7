// The collector's caps on what a client may send: a well-behaved SDK stays far below all of them;
// they bound what a hostile client can make the collector hold or do.
#pragma once
#include <cstddef>
#include <cstdint>

#include "journey/journey_log.h"

namespace friction::collector {

// A beacon carries a few KiB at most.
inline constexpr size_t kMaxBodyBytes = 64 * 1024;
inline constexpr size_t kMaxDecompressedBytes = 1024 * 1024;
// Batches expand 4 to 10 times (JSON from zstd with the dictionary); beyond 64 times a body is
// a bomb, not a batch, and is stopped before it costs more work. Small bodies may always
// expand to kRatioFloorBytes.
inline constexpr size_t kMaxCompressionRatio = 64;
inline constexpr size_t kRatioFloorBytes = 64 * 1024;
// A hand-off request is plain JSON with at most kMaxHandoffSteps short steps: a few KB.
inline constexpr size_t kMaxHandoffBytes = 16 * 1024;

}  // namespace friction::collector

namespace friction {

// What one batch may hold.
inline constexpr size_t kMaxSignalsPerBatch = 500;
inline constexpr size_t kMaxVisitsPerBatch = 500;
inline constexpr uint32_t kMaxDropped = 1000000;
// Help events (decide/help_outcomes.h): the SDK sends at most 64 a batch.
inline constexpr size_t kMaxHelpEventsPerBatch = 200;

// Steps in a hand-off's journey summary: as many as the SDK's journey log keeps.
inline constexpr size_t kMaxHandoffSteps = JourneyLog::kMaxSteps;

}  // namespace friction
