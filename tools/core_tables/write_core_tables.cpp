// Writes js/src/generated/core_tables.js: the core's tables that the JS layer needs, made from
// the C++ lists themselves (friction kinds, event types and flags, target traits, the ring's
// layout and sizes), so that the two sides cannot drift apart. The build runs it after any
// change to those headers; the file is not kept in git.
// Usage: write_core_tables <output.js>
#include <cctype>
#include <cstddef>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "capture/event_record.h"
#include "capture/event_ring.h"
#include "detect/friction_kind.h"
#include "detect/target_traits.h"
#include "engine.h"

namespace {

// "pointer_move" -> "pointerMove"; "kClickModifier" -> "clickModifier" (after the prefix).
std::string camelCase(std::string_view name, std::string_view prefix = "") {
  if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
  std::string out;
  bool upper = false;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

class ObjectWriter {
 public:
  ObjectWriter(std::ostream& out, std::string_view comment, std::string_view name) : out_(out) {
    out_ << "\n// " << comment << "\nexport const " << name << " = Object.freeze({";
  }
  void field(const std::string& key, long long value) {
    out_ << (first_ ? "\n  " : ",\n  ") << key << ": " << value;
    first_ = false;
  }
  ~ObjectWriter() { out_ << ",\n});\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

void writeKinds(std::ostream& out) {
  out << "\n// detect/friction_kind.h: every kind, in the core's order.\n"
         "export const FRICTION_KINDS = Object.freeze([";
  for (const auto& kind : friction::kFrictionKinds) out << "\n  '" << kind.name << "',";
  out << "\n]);\n";
}

void writeEvents(std::ostream& out) {
  {
    ObjectWriter types(out, "capture/event_record.h: EventType.", "EventType");
#define FRICTION_WRITE_TYPE(type, value) types.field(camelCase(#type), value);
    FRICTION_EVENT_TYPES(FRICTION_WRITE_TYPE)
#undef FRICTION_WRITE_TYPE
  }
  {
    ObjectWriter flags(out, "capture/event_record.h: flag bits, per type.", "Flag");
#define FRICTION_WRITE_FLAG(flag, value) flags.field(camelCase(#flag, "k"), value);
    FRICTION_EVENT_FLAGS(FRICTION_WRITE_FLAG)
#undef FRICTION_WRITE_FLAG
  }
  {
    ObjectWriter timing(out, "capture/event_record.h: what an event_timing record measured.",
                        "Timing");
#define FRICTION_WRITE_TIMING(kind, value) timing.field(camelCase(#kind, "kTiming"), value);
    FRICTION_TIMING_KINDS(FRICTION_WRITE_TIMING)
#undef FRICTION_WRITE_TIMING
  }
}

void writeTraits(std::ostream& out) {
  ObjectWriter traits(out, "detect/target_traits.h: TargetTrait bits.", "Trait");
#define FRICTION_WRITE_TRAIT(trait, bit) traits.field(camelCase(#trait, "k"), 1ll << bit);
  FRICTION_TARGET_TRAITS(FRICTION_WRITE_TRAIT)
#undef FRICTION_WRITE_TRAIT
}

void writeLayout(std::ostream& out) {
  using friction::EventRecord;
  using friction::RingHeader;
  {
    ObjectWriter record(out, "capture/event_record.h: one record's bytes (little-endian).",
                        "RecordLayout");
    record.field("bytes", sizeof(EventRecord));
    record.field("timeMs", offsetof(EventRecord, time_ms));
    record.field("x", offsetof(EventRecord, x));
    record.field("y", offsetof(EventRecord, y));
    record.field("target", offsetof(EventRecord, target));
    record.field("type", offsetof(EventRecord, type));
    record.field("flags", offsetof(EventRecord, flags));
    record.field("a", offsetof(EventRecord, a));
    record.field("b", offsetof(EventRecord, b));
  }
  {
    ObjectWriter ring(out, "capture/event_ring.h: the ring's header, right before its records.",
                      "RingLayout");
    ring.field("headerBytes", sizeof(RingHeader));
    ring.field("write", offsetof(RingHeader, write));
    ring.field("read", offsetof(RingHeader, read));
    ring.field("capacity", offsetof(RingHeader, capacity));
    ring.field("recordSize", offsetof(RingHeader, record_size));
  }
  ObjectWriter sizes(out, "engine.h and detect/target_traits.h: sizes both sides use.", "Sizes");
  sizes.field("ringCapacity", friction::EngineConfig{}.ring_capacity);
  sizes.field("targetSlots", friction::TargetTable::kSlots);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_core_tables <output.js>\n";
    return 2;
  }
  std::ostringstream text;
  text << "// Written by the build (tools/core_tables/write_core_tables.cpp) from the core's own\n"
          "// lists: do not edit; change the C++ header named above each table.\n";
  writeKinds(text);
  writeEvents(text);
  writeTraits(text);
  writeLayout(text);
  // Written only when it changes, so that the bundler and tests do not see a new file for nothing.
  std::ifstream current(argv[1], std::ios::binary);
  std::ostringstream before;
  before << current.rdbuf();
  if (current && before.str() == text.str()) return 0;
  std::ofstream file(argv[1], std::ios::binary | std::ios::trunc);
  file << text.str();
  return file ? 0 : 1;
}
