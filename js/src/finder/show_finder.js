// The element finder on the page: outlines the elements of a request and follows the page as
// it changes. Loaded as a chunk (chunks/finder_chunk.js) only when a request comes.
import { guarded, log } from '../log.js';
import { findElements } from './element_finder.js';
import { FINDER_TAG, FinderOverlay } from './finder_overlay.js';
import { FINDER_TEXT } from './finder_text.js';

// Elements that appear later (a menu opened, a dialog, a form's next part) are looked for
// again after the page changes, for this long, at most once per this interval.
const WATCH_MS = 60000;
const RESCAN_AFTER_MS = 400;

// request: from find_request.js; hashOf: the core's keyed hash; kindWord: the kind's name in
// `lang`, or ''. Returns { stop }.
export function showFinder(request, hashOf, lang, kindWord) {
  if (!customElements.get(FINDER_TAG)) customElements.define(FINDER_TAG, FinderOverlay);
  const text = FINDER_TEXT[lang] || FINDER_TEXT.en;
  let stopped = false;
  let observer = null;
  let rescanTimer = 0;
  const overlay = document.createElement(FINDER_TAG);
  const stop = () => {
    stopped = true;
    if (observer) observer.disconnect();
    clearTimeout(rescanTimer);
    overlay.remove();
  };
  overlay.configure({ text, lang, kindWord, onClose: stop });
  const begin = guarded(() => {
    if (stopped) return;
    document.body.append(overlay);
    scan();
    // Changes to the page, but not the finder's own boxes moving.
    observer = new MutationObserver((records) => {
      if (stopped || rescanTimer || records.every((record) => overlay.contains(record.target))) return;
      rescanTimer = setTimeout(scan, RESCAN_AFTER_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'id', 'hidden'] });
    setTimeout(() => observer && observer.disconnect(), WATCH_MS);
  }, 'element finder');

  // A promise's failure is not a throw: caught here, since guarded() cannot see it.
  const scan = () => {
    rescanTimer = 0;
    findElements(document.body, request.hashes, hashOf, () => stopped)
      .then((found) => !stopped && overlay.show(found))
      .catch((error) => log.error('internal error in the element finder; the page carries on.', error));
  };
  if (document.body) begin();
  else document.addEventListener('DOMContentLoaded', begin, { once: true });
  return { stop };
}
