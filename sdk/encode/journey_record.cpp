#include "encode/journey_record.h"

#include "encode/record_bytes.h"

namespace friction {

namespace {

constexpr uint8_t kJourneyRecordTag = 'J';
constexpr uint8_t kJourneyRecordVersion = 1;

}  // namespace

std::vector<uint8_t> writeJourneyRecord(const std::vector<JourneyStepSummary>& steps) {
  ByteWriter out;
  out.u8(kJourneyRecordTag);
  out.u8(kJourneyRecordVersion);
  out.varint(steps.size());
  for (const auto& s : steps) {
    out.str(s.step);
    out.varint(s.seconds);
    for (uint16_t count : s.met) out.varint(count);
  }
  return out.take();
}

std::optional<std::vector<JourneyStepSummary>> readJourneyRecord(const uint8_t* data,
                                                                 size_t size) {
  ByteReader in(data, size);
  if (in.u8() != kJourneyRecordTag || in.u8() != kJourneyRecordVersion) return std::nullopt;
  std::vector<JourneyStepSummary> steps;
  for (uint64_t n = in.count(); n > 0 && in.ok(); --n) {
    JourneyStepSummary s;
    s.step = in.str();
    s.seconds = static_cast<uint32_t>(in.upTo(UINT32_MAX));
    for (auto& count : s.met) count = static_cast<uint16_t>(in.upTo(UINT16_MAX));
    steps.push_back(std::move(s));
  }
  if (!in.ok() || !in.atEnd()) return std::nullopt;
  return steps;
}

}  // namespace friction
