// Touch records as js/src/capture/touch.js writes them, so that a test reads as what a finger
// did: went down, lifted, was taken by the browser, held, pinched. Payloads:
// sdk/capture/event_record.h (pointer_down, gesture, kClickTouch).
#pragma once
#include <cstdint>
#include <vector>

#include "capture/event_record.h"
#include "events.h"

namespace friction::testing {

// A finger (touches = fingers down with it, 2+ = a pinch) went down on `target` at x/y.
inline EventRecord touchDown(double t, float x, float y, uint32_t target, int32_t touches = 1) {
  EventRecord record = event(EventType::pointer_down, t, target, kPointerTouch, touches);
  record.x = x;
  record.y = y;
  return record;
}

// What the touch became: kGestureCancel, kGestureLongPress, kGestureZoom, or kGestureLift at x/y.
inline EventRecord gesture(double t, int32_t what, float x = 0, float y = 0) {
  EventRecord record = event(EventType::gesture, t, 0, what);
  record.x = x;
  record.y = y;
  return record;
}

inline EventRecord lift(double t, float x, float y) { return gesture(t, kGestureLift, x, y); }

// The click a tap made.
inline EventRecord tapClick(double t, float x, float y, uint32_t target) {
  return click(t, x, y, target, kClickTouch);
}

// A whole tap as the browser reports it: down, lift 80 ms later, then the click (unless
// swallowed, as double-tap handling and a tap that stops a fling do).
inline std::vector<EventRecord> tap(double t, float x, float y, uint32_t target,
                                    bool clicked = true) {
  std::vector<EventRecord> records{touchDown(t, x, y, target), lift(t + 80, x, y)};
  if (clicked) records.push_back(tapClick(t + 90, x, y, target));
  return records;
}

}  // namespace friction::testing
