// Clicks, pointer movement (mouse only: touch has no hover and no cursor to thrash) and which
// actionable element or field the pointer rests on. Positions and ids, nothing else.
import { EventType, Flag } from '../ring_writer.js';
import { isDisabled } from '../look_alike.js';

export function capturePointer(recorder, targets, on) {
  let hovered = 0;
  let lastX = -1;
  let lastY = -1;

  // Which pointer made a click: Chromium's and Firefox's clicks say (pointerType); where they
  // do not, the last pointerdown does.
  let lastDownType = '';
  on(window, 'pointerdown', (event) => { lastDownType = event.pointerType; });

  on(window, 'click', (event) => {
    if (event.button !== 0) return;
    const target = targets.clickIdFor(event.target);
    if (!target) return;
    let flags = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey ? Flag.clickModifier : 0;
    if (event.target.nodeType === 1 && isDisabled(event.target)) flags |= Flag.clickDisabled;
    // A tap's click: the core counted the tap on its pointer_down (js/src/capture/touch.js).
    const pointerType = event.pointerType || (event.detail > 0 ? lastDownType : '');
    if (pointerType === 'touch' || pointerType === 'pen') flags |= Flag.clickTouch;
    // A double or triple click selects text in what it clicks before its click event fires.
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed && event.target.contains(selection.anchorNode)) flags |= Flag.clickWithSelection;
    recorder.record(EventType.click, event.timeStamp, event.clientX, event.clientY, target, flags, event.detail);
    recorder.soon(); // a click may complete a rage click: tell the page without waiting
  });

  on(window, 'pointermove', (event) => {
    // Drags (sliders, drawing, selecting, the scrollbar) are purposeful: not cursor facts.
    if (event.pointerType !== 'mouse' || event.buttons !== 0) return;
    if (event.clientX === lastX && event.clientY === lastY) return;
    lastX = event.clientX;
    lastY = event.clientY;
    recorder.record(EventType.pointerMove, event.timeStamp, lastX, lastY);
  });

  on(window, 'pointerover', (event) => {
    if (event.pointerType !== 'mouse') return;
    const target = targets.interactiveIdFor(event.target);
    if (target === hovered) return;
    hovered = target;
    recorder.record(EventType.pointerOver, event.timeStamp, event.clientX, event.clientY, target);
  });
}
