// One interaction, as the JS capture layer writes it into WASM memory.
// Fixed size and plain data so that JS can write it with a DataView and the core can read a
// whole batch without a single call across the JS/WASM boundary per event.
#pragma once
#include <cstddef>
#include <cstdint>

namespace friction {

// What JS records: facts only (positions, times, ids, lengths, status classes), never text or
// values. The payload fields a/b and the flags mean what each type says below.
enum class EventType : uint16_t {
  none = 0,
  click = 1,          // x/y client px; target; a = event.detail (1 single, 2 double, 3 triple)
                      // flags: kClickModifier, kClickWithSelection
  pointer_move = 2,   // x/y client px (mouse only)
  pointer_over = 3,   // target = actionable element the pointer entered, 0 when it left all
  scroll = 4,         // a = scrollY px, b = scrollX px
  dom_change = 5,     // a = number of mutations in the observer's batch
  selection = 6,      // the text selection changed to a non-empty one
  focus = 7,          // target = element that received focus
  window_blur = 8,    // the window lost focus (new tab, download dialog, window.open)
  input = 9,          // target = field; a = value length; b = form id (0 = none)
                      // flags: kInputDeletion, kInputInvalid
  invalid = 10,       // target = field that failed constraint validation; b = form id
  field_invalid = 11, // target = field marked aria-invalid="true" (server-side check); b = form id
  submit = 12,        // target = form id
  request_start = 13, // a = request id
  request_end = 14,   // a = request id; b = HTTP status class (2..5), 0 = network error
  js_error = 15,      // an uncaught error; flags: kErrorRejection for an unhandled rejection
  event_timing = 16,  // target; a = duration ms (Event Timing API); b = kTimingPointer/kTimingKey
  visibility = 17,    // a = 1 visible, 0 hidden
};

// Flag bits, per type.
inline constexpr uint16_t kClickModifier = 1;   // ctrl, meta, shift or alt held: new tab/window
inline constexpr uint16_t kClickWithSelection = 2;  // it landed on text it had just selected
inline constexpr uint16_t kInputDeletion = 1;   // inputType delete*: a correction
inline constexpr uint16_t kInputInvalid = 2;    // the field's validity.valid is false after input
inline constexpr uint16_t kErrorRejection = 1;  // unhandledrejection rather than error
inline constexpr int32_t kTimingPointer = 1;
inline constexpr int32_t kTimingKey = 2;

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
