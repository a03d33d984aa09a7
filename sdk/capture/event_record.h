// One interaction, as the JS capture layer writes it into WASM memory.
// Fixed size and plain data so that JS can write it with a DataView and the core can read a
// whole batch without a single call across the JS/WASM boundary per event.
#pragma once
#include <cstddef>
#include <cstdint>

namespace friction {

// What JS records: facts only (positions, times, ids, lengths, status classes), never text or
// values. The payload fields a/b and the flags mean what each type says below. JS writes these
// numbers through js/src/generated/core_tables.js, which the build makes from these lists.
//                                  what the record's fields hold
#define FRICTION_EVENT_TYPES(TYPE)                                                          \
  TYPE(click, 1)          /* x/y client px; target; a = event.detail (1 single, 2 double,  \
                             3 triple); flags: kClickModifier, kClickWithSelection, \
                             kClickDisabled */                                              \
  TYPE(pointer_move, 2)   /* x/y client px (mouse only) */                                  \
  TYPE(pointer_over, 3)   /* target = actionable element the pointer entered, 0 when it    \
                             left all */                                                    \
  TYPE(scroll, 4)         /* a = scrollY px, b = scrollX px; or, for an element that      \
                             scrolls, target = it, a = scrollTop, b = scrollLeft */          \
  TYPE(dom_change, 5)     /* a = number of mutations in the observer's batch */             \
  TYPE(selection, 6)      /* the text selection changed to a non-empty one */               \
  TYPE(focus, 7)          /* target = element that received focus */                        \
  TYPE(window_blur, 8)    /* the window lost focus (new tab, download dialog, open) */      \
  TYPE(input, 9)          /* target = field; a = value length; b = form id (0 = none);     \
                             flags: kInputDeletion, kInputInvalid */                        \
  TYPE(invalid, 10)       /* target = field that failed constraint validation; b = form */ \
  TYPE(field_invalid, 11) /* target = field marked aria-invalid="true" (server-side         \
                             check); b = form id; flags: kFieldValidAgain (the mark went) */\
  TYPE(submit, 12)        /* target = form id; flags: kSubmitNative */                      \
  TYPE(request_start, 13) /* a = request id */                                              \
  TYPE(request_end, 14)   /* a = request id; b = HTTP status class (2..5), 0 = network     \
                             error */                                                       \
  TYPE(js_error, 15)      /* an uncaught error; flags: kErrorRejection for an unhandled     \
                             rejection */                                                   \
  TYPE(event_timing, 16)  /* target; a = duration ms (Event Timing API); b = kTimingPointer \
                             or kTimingKey; x = ms of it the main thread was busy (input    \
                             delay + handlers: processingEnd - startTime) */                \
  TYPE(visibility, 17)    /* a = 1 visible, 0 hidden */                                     \
  TYPE(pointer_down, 18)  /* a touch or pen went down (mouse: clicks say enough): x/y      \
                             client px; target as for clicks; a = kPointer*; b = touch     \
                             points down with it (2+ = a pinch) */                         \
  TYPE(gesture, 19)       /* what a touch became; a = kGesture*; x/y client px where it    \
                             lifted (kGestureLift) */                                       \
  TYPE(form_message, 20)  /* a message about a field or form appeared (never its text):     \
                             target = the field it belongs to (0 = none known); b = form   \
                             id (0 = none known); a = kMessage* (where it came from);      \
                             flags: kMessageFieldInvalid */                                 \
  TYPE(submit_click, 21)  /* a click on a form's submit button (or its only button when it \
                             has none): target = the button; b = form id */

// Flag bits, per type.
#define FRICTION_EVENT_FLAGS(FLAG)                                                          \
  FLAG(kClickModifier, 1)      /* ctrl, meta, shift or alt held: new tab/window */          \
  FLAG(kClickWithSelection, 2) /* it landed on text it had just selected */                 \
  FLAG(kInputDeletion, 1)      /* inputType delete*: a correction */                        \
  FLAG(kInputInvalid, 2)       /* the field's validity.valid is false after input */        \
  FLAG(kErrorRejection, 1)     /* unhandledrejection rather than error */                   \
  FLAG(kClickTouch, 4)         /* a click a finger or pen made (its tap's pointer_down     \
                                  is already recorded) */                                   \
  FLAG(kClickDisabled, 8)      /* click on a disabled control: disabled, aria-disabled */   \
  FLAG(kFieldValidAgain, 1)    /* field_invalid: aria-invalid went from "true" to not */    \
  FLAG(kSubmitNative, 1)       /* submit: not prevented, the browser sends it (navigates) */ \
  FLAG(kMessageFieldInvalid, 1) /* form_message: its field is invalid (aria or validity) */

// What kind of interaction an event_timing record measured (its b).
#define FRICTION_TIMING_KINDS(TIMING) \
  TIMING(kTimingPointer, 1)           \
  TIMING(kTimingKey, 2)

// Which pointer went down (a pointer_down record's a).
#define FRICTION_POINTER_KINDS(POINTER) \
  POINTER(kPointerPen, 2)               \
  POINTER(kPointerTouch, 3)

// What a touch became (a gesture record's a). Facts the browser tells; whether the touch was a
// tap (it lifted near where it went down, soon enough) the core decides.
#define FRICTION_GESTURES(GESTURE)                                                          \
  GESTURE(kGestureCancel, 1)    /* pointercancel: the browser took the touch (pan, scroll,  \
                                   zoom) */                                                 \
  GESTURE(kGestureLongPress, 2) /* contextmenu from a held touch */                         \
  GESTURE(kGestureZoom, 3)      /* the visual viewport's scale changed (pinch or double-tap \
                                   zoom); not the keyboard, which changes only its height */ \
  GESTURE(kGestureLift, 4)      /* the touch lifted (pointerup), at x/y */

// Where a form_message came from (its a). Only messages that say something is wrong are
// written (js/src/capture/form_messages.js): role=alert or aria-live=assertive, a field's
// aria-errormessage / aria-describedby target gaining text, plain text near a field styled as an
// error, or a polite live region / role=status whose field is invalid.
#define FRICTION_MESSAGE_SOURCES(SOURCE) \
  SOURCE(kMessageAlert, 1)               \
  SOURCE(kMessageDescribed, 2)           \
  SOURCE(kMessageNearField, 3)           \
  SOURCE(kMessageStatus, 4)

enum class EventType : uint16_t {
  none = 0,
#define FRICTION_EVENT_TYPE_ENUMERATOR(type, value) type = value,
  FRICTION_EVENT_TYPES(FRICTION_EVENT_TYPE_ENUMERATOR)
#undef FRICTION_EVENT_TYPE_ENUMERATOR
};

#define FRICTION_EVENT_FLAG_CONSTANT(flag, value) inline constexpr uint16_t flag = value;
FRICTION_EVENT_FLAGS(FRICTION_EVENT_FLAG_CONSTANT)
#undef FRICTION_EVENT_FLAG_CONSTANT
#define FRICTION_TIMING_CONSTANT(timing, value) inline constexpr int32_t timing = value;
FRICTION_TIMING_KINDS(FRICTION_TIMING_CONSTANT)
FRICTION_POINTER_KINDS(FRICTION_TIMING_CONSTANT)
FRICTION_GESTURES(FRICTION_TIMING_CONSTANT)
#undef FRICTION_TIMING_CONSTANT
#define FRICTION_MESSAGE_SOURCE_CONSTANT(source, value) inline constexpr int32_t source = value;
FRICTION_MESSAGE_SOURCES(FRICTION_MESSAGE_SOURCE_CONSTANT)
#undef FRICTION_MESSAGE_SOURCE_CONSTANT

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

// JS writes at these offsets (js/src/ring_writer.js, from the generated tables).
static_assert(sizeof(EventRecord) == 32, "EventRecord layout is shared with JS");
static_assert(offsetof(EventRecord, time_ms) == 0 && offsetof(EventRecord, x) == 8 &&
                  offsetof(EventRecord, y) == 12 && offsetof(EventRecord, target) == 16 &&
                  offsetof(EventRecord, type) == 20 && offsetof(EventRecord, flags) == 22 &&
                  offsetof(EventRecord, a) == 24 && offsetof(EventRecord, b) == 28,
              "EventRecord layout is shared with JS");

}  // namespace friction
