// One interaction, as the JS capture layer writes it into WASM memory.
// Fixed size and plain data so that JS can write it with a DataView and the core can read a
// whole batch without a single call across the JS/WASM boundary per event.
#pragma once
#include <cstddef>
#include <cstdint>

namespace friction {

enum class EventType : uint16_t {
  none = 0,
  click = 1,  // a primary-button click; target = interned element id, x/y = client px
};

struct EventRecord {
  double time_ms;    // event.timeStamp: ms since the page's time origin
  float x;           // clientX, CSS px
  float y;           // clientY, CSS px
  uint32_t target;   // element id interned by JS (0 = none); never text
  uint16_t type;     // EventType
  uint16_t flags;    // type-specific bits
  int32_t a;         // type-specific payload
  int32_t b;         // type-specific payload
};

// The JS writer hard-codes these offsets (js/src/ring_writer.js); keep both in step.
static_assert(sizeof(EventRecord) == 32, "EventRecord layout is shared with JS");
static_assert(offsetof(EventRecord, time_ms) == 0 && offsetof(EventRecord, x) == 8 &&
                  offsetof(EventRecord, y) == 12 && offsetof(EventRecord, target) == 16 &&
                  offsetof(EventRecord, type) == 20 && offsetof(EventRecord, flags) == 22 &&
                  offsetof(EventRecord, a) == 24 && offsetof(EventRecord, b) == 28,
              "EventRecord layout is shared with JS");

}  // namespace friction
