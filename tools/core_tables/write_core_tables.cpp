// Writes js/src/generated/core_tables.js: the core's tables that the JS layer needs
// (sdk/js_contract.h), spelled the JS way, with their fingerprint, so that the two sides
// cannot drift apart. The build runs it whenever those headers change; the file is not in git.
// Usage: write_core_tables <output.js>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "js_contract.h"

namespace {

// Where each table's entries come from, for the comment above it, and the prefix its C++ names
// carry that JS drops.
struct TableSource {
  std::string_view table, header, prefix;
};
constexpr TableSource kSources[] = {
    {"FRICTION_KINDS", "detect/friction_kind.h: every kind, in the core's order", ""},
    {"EventType", "capture/event_record.h: EventType", ""},
    {"Flag", "capture/event_record.h: flag bits, per type", "k"},
    {"Timing", "capture/event_record.h: what an event_timing record measured", "kTiming"},
    {"PointerKind", "capture/event_record.h: which pointer went down", "kPointer"},
    {"Gesture", "capture/event_record.h: what a touch became", "kGesture"},
    {"Message", "capture/event_record.h: where a form_message came from", "kMessage"},
    {"Trait", "detect/target_traits.h: TargetTrait bits", "k"},
    {"RecordLayout", "capture/event_record.h: one record's bytes (little-endian)", ""},
    {"RingLayout", "capture/event_ring.h: the ring's header, right before its records", ""},
    {"Sizes", "sdk/js_contract.h: sizes and bounds both sides use", ""},
};

const TableSource& sourceOf(std::string_view table) {
  for (const auto& source : kSources)
    if (source.table == table) return source;
  std::cerr << "write_core_tables: no source named for table " << table << "\n";
  std::exit(1);
}

// "pointer_move" -> "pointerMove"; "kClickModifier" -> "clickModifier" (prefix "k").
std::string jsName(std::string_view name, std::string_view prefix) {
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

std::string coreTablesJs() {
  std::ostringstream js;
  js << "// Written by the build (tools/core_tables/write_core_tables.cpp) from the core's own\n"
        "// lists (sdk/js_contract.h): do not edit; change the C++ header named above each table.\n";
  std::string_view open;  // the table being written
  auto close = [&] {
    if (open.empty()) return;
    js << (open == "FRICTION_KINDS" ? "]);\n" : "});\n");
  };
  friction::js_contract::forEachEntry([&](std::string_view table, std::string_view name,
                                          int64_t value) {
    if (table != open) {
      close();
      open = table;
      const bool list = table == "FRICTION_KINDS";
      js << "\n// " << sourceOf(table).header << ".\nexport const " << table
         << (list ? " = Object.freeze([\n" : " = Object.freeze({\n");
    }
    if (table == "FRICTION_KINDS")
      js << "  '" << name << "',\n";
    else
      js << "  " << jsName(name, sourceOf(table).prefix) << ": " << value << ",\n";
  });
  close();
  js << "\n// The same in friction.wasm (coreTablesFingerprint()) when both come from one build.\n"
        "export const CORE_TABLES_FINGERPRINT = "
     << friction::js_contract::fingerprint() << ";\n";
  return js.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_core_tables <output.js>\n";
    return 2;
  }
  const std::string text = coreTablesJs();
  // Written only when it changes, so that the bundler does not see a new file for nothing.
  std::ifstream current(argv[1], std::ios::binary);
  std::ostringstream before;
  before << current.rdbuf();
  if (current && before.str() == text) return 0;
  std::ofstream file(argv[1], std::ios::binary | std::ios::trunc);
  file << text;
  return file ? 0 : 1;
}
