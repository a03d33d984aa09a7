// Touch and pen facts: where a finger went down, how many were down, and what the touch became
// (lifted where, taken by the browser for a scroll, held into a context menu, zooming). The
// core decides which touches were taps (sdk/detect/rage_click.h). Positions and ids, nothing
// else; the mouse is not recorded here (its clicks say enough).
import { EventType, Gesture, PointerKind } from '../ring_writer.js';

const KIND = { touch: PointerKind.touch, pen: PointerKind.pen };

export function captureTouch(recorder, targets, on) {
  const down = new Set(); // ids of the touch/pen pointers down now
  let zoomTold = false;   // one zoom record per touch sequence: a pinch resizes many times
  let lastScale = window.visualViewport ? window.visualViewport.scale : 1;

  on(window, 'pointerdown', (event) => {
    const kind = KIND[event.pointerType];
    if (!kind) return;
    down.add(event.pointerId);
    zoomTold = false;
    recorder.record(EventType.pointerDown, event.timeStamp, event.clientX, event.clientY,
      targets.idFor(event.target), 0, kind, down.size);
  });

  on(window, 'pointerup', (event) => {
    if (!down.delete(event.pointerId)) return;
    recorder.record(EventType.gesture, event.timeStamp, event.clientX, event.clientY, 0, 0, Gesture.lift);
    recorder.soon(); // a lift may complete a rage tap: tell the page without waiting
  });

  on(window, 'pointercancel', (event) => {
    if (!down.delete(event.pointerId)) return;
    recorder.record(EventType.gesture, event.timeStamp, 0, 0, 0, 0, Gesture.cancel);
  });

  // A held finger opens the context menu; a right click (no touch down) is not a gesture.
  on(window, 'contextmenu', (event) => {
    if (down.size === 0) return;
    recorder.record(EventType.gesture, event.timeStamp, 0, 0, 0, 0, Gesture.longPress);
  });

  // The visual viewport's scale moves with a pinch or a double-tap zoom; the on-screen keyboard
  // changes only its height. One number read per resize event, no layout.
  const viewport = window.visualViewport;
  if (viewport) {
    on(viewport, 'resize', (event) => {
      const scale = viewport.scale;
      if (Math.abs(scale - lastScale) < 0.01) return;
      lastScale = scale;
      if (zoomTold) return;
      zoomTold = true;
      recorder.record(EventType.gesture, event.timeStamp, 0, 0, 0, 0, Gesture.zoom);
    });
  }
}
