// Page-level facts: scrolling, DOM changes, text selection, focus, the window losing focus,
// the tab being hidden. Each is one record; none reads layout beyond the scroll position.
import { EventType } from '../ring_writer.js';

export function capturePage(recorder, targets, on) {
  // Scroll events do not bubble, but a capture listener on the document hears every element's:
  // the window's as the document's (target 0), a box's with its id (a = scrollTop, b =
  // scrollLeft, values the browser already has). One WeakMap lookup more than the window's.
  on(document, 'scroll', (event) => {
    const scroller = event.target;
    if (scroller === document || scroller === document.scrollingElement || scroller.nodeType !== 1) {
      recorder.note(EventType.scroll, 0, 0, Math.round(window.scrollY), Math.round(window.scrollX));
    } else {
      const id = targets.scrollerIdFor(scroller);
      if (id) recorder.note(EventType.scroll, id, 0, Math.round(scroller.scrollTop), Math.round(scroller.scrollLeft));
    }
  });

  on(document, 'selectionchange', () => {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) recorder.note(EventType.selection);
  });

  on(document, 'focusin', (event) => recorder.note(EventType.focus, targets.idFor(event.target)));
  on(window, 'blur', (event) => event.target === window && recorder.note(EventType.windowBlur));
  on(document, 'visibilitychange', () => recorder.note(EventType.visibility, 0, 0, document.visibilityState === 'visible' ? 1 : 0));

  // Own mutations (the site's help widget showing) count too: they are the page answering.
  const observer = new MutationObserver((mutations) => recorder.note(EventType.domChange, 0, 0, mutations.length));
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => observer.disconnect();
}
