// Page-level facts: scrolling, DOM changes, text selection, focus, the window losing focus,
// the tab being hidden. Each is one record; none reads layout beyond the scroll position.
import { EventType } from '../ring_writer.js';

export function capturePage(recorder, targets, on) {
  on(window, 'scroll', () => recorder.note(EventType.scroll, 0, 0, Math.round(window.scrollY), Math.round(window.scrollX)));

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
