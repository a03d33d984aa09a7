#include "encode/batch_record.h"

#include "encode/record_bytes.h"

namespace friction {

namespace {

// Bumped with any change to the layout below: friction.wasm and friction-codec.wasm must come
// from the same build, and a mismatch is refused rather than misread.
constexpr uint8_t kBatchRecordTag = 'B';
constexpr uint8_t kBatchRecordVersion = 3;  // 2: first marks, element names, device class;
                                            // a visit's help flag and goal; help events;
                                            // 3: a signal's cause
// A visit's help flag: absent (not told), no, yes.
constexpr uint8_t kHelpUntold = 0, kHelpNotAsked = 1, kHelpAsked = 2;
constexpr uint64_t kAllKinds = (1u << kFrictionKindCount) - 1;

}  // namespace

std::vector<uint8_t> writeBatchRecord(const BatchContent& batch) {
  ByteWriter out;
  out.u8(kBatchRecordTag);
  out.u8(kBatchRecordVersion);
  out.str(batch.header.site);
  out.str(batch.header.sdk_version);
  out.varint(batch.header.dropped);
  out.f64(batch.header.epsilon);
  out.str(batch.header.id);
  out.str(batch.header.pointer);
  out.str(batch.header.width);
  out.varint(batch.signals.size());
  for (const auto& s : batch.signals) {
    out.u8(static_cast<uint8_t>(s.kind));
    out.str(s.step);
    out.str(s.role);
    out.varint(s.target_hash);
    out.varint(s.count);
    out.varint(s.at_s);
    out.varint(s.span_ms);
    out.f64(s.score);
    out.u8(s.first ? 1 : 0);
    out.str(s.name);
    out.u8(static_cast<uint8_t>(s.cause));
  }
  out.varint(batch.visits.size());
  for (const auto& v : batch.visits) {
    out.str(v.step);
    out.varint(v.met);
    out.u8(!v.help ? kHelpUntold : (*v.help ? kHelpAsked : kHelpNotAsked));
    out.str(v.goal);
  }
  out.varint(batch.help.size());
  for (const auto& e : batch.help) {
    out.u8(static_cast<uint8_t>(e.kind));
    out.str(e.step);
    out.u8(static_cast<uint8_t>(e.event));
  }
  return out.take();
}

std::optional<BatchContent> readBatchRecord(const uint8_t* data, size_t size) {
  ByteReader in(data, size);
  if (in.u8() != kBatchRecordTag || in.u8() != kBatchRecordVersion) return std::nullopt;
  BatchContent batch;
  batch.header.site = in.str();
  batch.header.sdk_version = in.str();
  batch.header.dropped = static_cast<uint32_t>(in.upTo(UINT32_MAX));
  batch.header.epsilon = in.f64();
  batch.header.id = in.str();
  batch.header.pointer = in.str();
  batch.header.width = in.str();
  for (uint64_t n = in.count(); n > 0 && in.ok(); --n) {
    Signal s{};
    const uint8_t kind = in.u8();
    if (kind >= kFrictionKindCount) return std::nullopt;
    s.kind = static_cast<FrictionKind>(kind);
    s.step = in.str();
    s.role = in.str();
    s.target_hash = in.varint();
    s.count = static_cast<uint32_t>(in.upTo(UINT32_MAX));
    s.at_s = static_cast<uint32_t>(in.upTo(UINT32_MAX));
    s.span_ms = static_cast<uint32_t>(in.upTo(UINT32_MAX));
    s.score = in.f64();
    const uint8_t first = in.u8();
    if (first > 1) return std::nullopt;
    s.first = first == 1;
    s.name = in.str();
    const uint8_t cause = in.u8();
    if (cause >= kFrictionCauseCount) return std::nullopt;
    s.cause = static_cast<FrictionCause>(cause);
    batch.signals.push_back(std::move(s));
  }
  for (uint64_t n = in.count(); n > 0 && in.ok(); --n) {
    VisitTally v;
    v.step = in.str();
    v.met = static_cast<uint16_t>(in.upTo(kAllKinds));
    const uint8_t help = in.u8();
    if (help > kHelpAsked) return std::nullopt;
    if (help != kHelpUntold) v.help = help == kHelpAsked;
    v.goal = in.str();
    batch.visits.push_back(std::move(v));
  }
  for (uint64_t n = in.count(); n > 0 && in.ok(); --n) {
    HelpEventRecord e;
    const uint8_t kind = in.u8();
    e.step = in.str();
    const uint8_t event = in.u8();
    if (kind >= kFrictionKindCount || event >= kHelpEventCount) return std::nullopt;
    e.kind = static_cast<FrictionKind>(kind);
    e.event = static_cast<HelpEvent>(event);
    batch.help.push_back(std::move(e));
  }
  if (!in.ok() || !in.atEnd()) return std::nullopt;
  return batch;
}

}  // namespace friction
