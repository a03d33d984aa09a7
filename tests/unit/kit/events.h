// Event records as the JS capture layer writes them (js/src/capture/*.js), one builder per fact,
// so that a test reads as what the user did. Payload meanings: sdk/capture/event_record.h.
#pragma once
#include <cstdint>

#include "capture/event_record.h"

namespace friction::testing {

// Any record; the builders below fill in what their type means.
inline EventRecord event(EventType type, double t, uint32_t target = 0, int32_t a = 0,
                         int32_t b = 0, uint16_t flags = 0) {
  return EventRecord{t, 0, 0, target, static_cast<uint16_t>(type), flags, a, b};
}

// A single click (event.detail 1) at a point of the viewport.
inline EventRecord click(double t, float x, float y, uint32_t target, uint16_t flags = 0) {
  EventRecord record = event(EventType::click, t, target, 1, 0, flags);
  record.x = x;
  record.y = y;
  return record;
}

// A single click where the position does not matter.
inline EventRecord clickOn(double t, uint32_t target, uint16_t flags = 0) {
  return click(t, 0, 0, target, flags);
}

inline EventRecord move(double t, float x, float y) {
  EventRecord record = event(EventType::pointer_move, t);
  record.x = x;
  record.y = y;
  return record;
}

// The pointer entered actionable element `target`; 0: it left them all.
inline EventRecord over(double t, uint32_t target, float x = 0, float y = 0) {
  EventRecord record = event(EventType::pointer_over, t, target);
  record.x = x;
  record.y = y;
  return record;
}

inline EventRecord scroll(double t, int32_t y, int32_t x = 0) {
  return event(EventType::scroll, t, 0, y, x);
}

// A scroll inside an element that scrolls (target = the scroller): a = scrollTop, b = scrollLeft.
inline EventRecord scrollIn(double t, uint32_t scroller, int32_t top, int32_t left = 0) {
  return event(EventType::scroll, t, scroller, top, left);
}

inline EventRecord domChange(double t, int32_t mutations = 1) {
  return event(EventType::dom_change, t, 0, mutations);
}

inline EventRecord selection(double t) { return event(EventType::selection, t); }

inline EventRecord focus(double t, uint32_t target) { return event(EventType::focus, t, target); }

inline EventRecord windowBlur(double t) { return event(EventType::window_blur, t); }

// `length`: the value's length after the input; flags: kInputDeletion, kInputInvalid.
inline EventRecord input(double t, uint32_t field, int32_t length, uint32_t form = 0,
                         uint16_t flags = 0) {
  return event(EventType::input, t, field, length, static_cast<int32_t>(form), flags);
}

inline EventRecord invalid(double t, uint32_t field, uint32_t form = 0) {
  return event(EventType::invalid, t, field, 0, static_cast<int32_t>(form));
}

// The page marked the field aria-invalid (a server-side check failed).
inline EventRecord fieldInvalid(double t, uint32_t field, uint32_t form = 0) {
  return event(EventType::field_invalid, t, field, 0, static_cast<int32_t>(form));
}

inline EventRecord submit(double t, uint32_t form) { return event(EventType::submit, t, form); }

inline EventRecord requestStart(double t, int32_t id) {
  return event(EventType::request_start, t, 0, id);
}

// `status_class`: 2..5 for 2xx..5xx, 0 for a network error.
inline EventRecord requestEnd(double t, int32_t id, int32_t status_class) {
  return event(EventType::request_end, t, 0, id, status_class);
}

// flags: kErrorRejection for an unhandled rejection.
inline EventRecord jsError(double t, uint16_t flags = 0) {
  return event(EventType::js_error, t, 0, 0, 0, flags);
}

// An Event Timing entry: the input at `t` took `duration_ms` to be painted.
// busy_ms: the main thread's share of the wait (record x); by default all of it, as a handler
// that blocks.
inline EventRecord timing(double t, uint32_t target, int32_t duration_ms,
                          int32_t kind = kTimingPointer, float busy_ms = -1) {
  EventRecord record = event(EventType::event_timing, t, target, duration_ms, kind);
  record.x = busy_ms < 0 ? static_cast<float>(duration_ms) : busy_ms;
  return record;
}

inline EventRecord visibility(double t, bool visible) {
  return event(EventType::visibility, t, 0, visible ? 1 : 0);
}

}  // namespace friction::testing
