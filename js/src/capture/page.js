// Page-level facts: scrolling, DOM changes, text selection, focus, the window losing focus,
// the tab being hidden. Each is one record; none reads layout beyond the scroll position.
import { isOwnElement } from '../own_elements.js';
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

  // The site's own mutations (its help widget showing too) are the page answering; the SDK's
  // elements coming and going (own_elements.js) are not.
  const observer = new MutationObserver((mutations) => {
    let fromThePage = 0;
    for (const mutation of mutations) if (!isOurs(mutation)) fromThePage += 1;
    if (fromThePage) recorder.note(EventType.domChange, 0, 0, fromThePage);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => observer.disconnect();
}

// A mutation of one of the SDK's elements, or that only adds or removes them.
function isOurs(mutation) {
  if (mutation.type !== 'childList') return isOwnElement(mutation.target);
  const { addedNodes: added, removedNodes: removed } = mutation;
  if (added.length + removed.length === 0) return false;
  for (const node of added) if (!isOwnElement(node)) return false;
  for (const node of removed) if (!isOwnElement(node)) return false;
  return true;
}
