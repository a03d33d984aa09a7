// What the JS layer takes from the core as plain numbers and names: the friction kinds, the
// event types and flags it writes into the ring, the target traits, the ring's layout and the
// sizes both sides use. The build writes them for JS (tools/core_tables/, into
// js/src/generated/core_tables.js), and both sides carry a fingerprint of them: friction.js
// refuses to run a friction.wasm from another build, whose numbers could mean something else.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "capture/event_ring.h"
#include "detect/friction_kind.h"
#include "detect/target_traits.h"
#include "signals/signal.h"
#include "anonymise/randomized_response.h"

namespace friction::js_contract {

// visit(table, name, value) for every entry, table by table, in a fixed order. Names are the
// C++ ones (the generator spells them the JS way).
template <typename Visit>
constexpr void forEachEntry(Visit&& visit) {
  for (size_t k = 0; k < kFrictionKindCount; ++k) visit("FRICTION_KINDS", kFrictionKinds[k].name, k);
#define FRICTION_CONTRACT_ENTRY(table) [&](std::string_view name, int64_t value) { visit(table, name, value); }
  auto type = FRICTION_CONTRACT_ENTRY("EventType");
#define FRICTION_VISIT_TYPE(name, value) type(#name, value);
  FRICTION_EVENT_TYPES(FRICTION_VISIT_TYPE)
#undef FRICTION_VISIT_TYPE
  auto flag = FRICTION_CONTRACT_ENTRY("Flag");
#define FRICTION_VISIT_FLAG(name, value) flag(#name, value);
  FRICTION_EVENT_FLAGS(FRICTION_VISIT_FLAG)
#undef FRICTION_VISIT_FLAG
  auto timing = FRICTION_CONTRACT_ENTRY("Timing");
#define FRICTION_VISIT_TIMING(name, value) timing(#name, value);
  FRICTION_TIMING_KINDS(FRICTION_VISIT_TIMING)
#undef FRICTION_VISIT_TIMING
  auto pointer = FRICTION_CONTRACT_ENTRY("PointerKind");
#define FRICTION_VISIT_POINTER(name, value) pointer(#name, value);
  FRICTION_POINTER_KINDS(FRICTION_VISIT_POINTER)
#undef FRICTION_VISIT_POINTER
  auto gesture = FRICTION_CONTRACT_ENTRY("Gesture");
#define FRICTION_VISIT_GESTURE(name, value) gesture(#name, value);
  FRICTION_GESTURES(FRICTION_VISIT_GESTURE)
#undef FRICTION_VISIT_GESTURE
  auto message = FRICTION_CONTRACT_ENTRY("Message");
#define FRICTION_VISIT_MESSAGE(name, value) message(#name, value);
  FRICTION_MESSAGE_SOURCES(FRICTION_VISIT_MESSAGE)
#undef FRICTION_VISIT_MESSAGE
  auto trait = FRICTION_CONTRACT_ENTRY("Trait");
#define FRICTION_VISIT_TRAIT(name, bit) trait(#name, int64_t{1} << bit);
  FRICTION_TARGET_TRAITS(FRICTION_VISIT_TRAIT)
#undef FRICTION_VISIT_TRAIT
  auto record = FRICTION_CONTRACT_ENTRY("RecordLayout");
  record("bytes", sizeof(EventRecord));
  record("timeMs", offsetof(EventRecord, time_ms));
  record("x", offsetof(EventRecord, x));
  record("y", offsetof(EventRecord, y));
  record("target", offsetof(EventRecord, target));
  record("type", offsetof(EventRecord, type));
  record("flags", offsetof(EventRecord, flags));
  record("a", offsetof(EventRecord, a));
  record("b", offsetof(EventRecord, b));
  auto ring = FRICTION_CONTRACT_ENTRY("RingLayout");
  ring("headerBytes", sizeof(RingHeader));
  ring("write", offsetof(RingHeader, write));
  ring("read", offsetof(RingHeader, read));
  ring("capacity", offsetof(RingHeader, capacity));
  ring("recordSize", offsetof(RingHeader, record_size));
  auto sizes = FRICTION_CONTRACT_ENTRY("Sizes");
  sizes("ringCapacity", kDefaultRingCapacity);
  sizes("targetSlots", TargetTable::kSlots);
  sizes("timeBucketSeconds", kTimeBucketSeconds);  // a signal's at_s, for the receipt
  // The ε (per kind) the core takes, in thousandths: the tables hold whole numbers.
  static_assert(kMinLdpEpsilon * 1000 == static_cast<int64_t>(kMinLdpEpsilon * 1000) &&
                    kMaxLdpEpsilon * 1000 == static_cast<int64_t>(kMaxLdpEpsilon * 1000),
                "whole thousandths");
  sizes("minLdpEpsilonThousandths", static_cast<int64_t>(kMinLdpEpsilon * 1000));
  sizes("maxLdpEpsilonThousandths", static_cast<int64_t>(kMaxLdpEpsilon * 1000));
#undef FRICTION_CONTRACT_ENTRY
}

// FNV-1a (32 bits) over every entry: equal on both sides when they come from one build.
constexpr uint32_t fingerprint() {
  uint32_t hash = 2166136261u;
  auto mix = [&hash](std::string_view text) {
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    hash = (hash ^ 0xffu) * 16777619u;  // a separator no name holds
  };
  forEachEntry([&](std::string_view table, std::string_view name, int64_t value) {
    mix(table);
    mix(name);
    for (int shift = 0; shift < 64; shift += 8)
      hash = (hash ^ static_cast<uint8_t>(value >> shift)) * 16777619u;
  });
  return hash;
}
inline constexpr uint32_t kFingerprint = fingerprint();

}  // namespace friction::js_contract
