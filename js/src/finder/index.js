// The element finder: the dashboard's "open on the page" link opens a page of the site with
// #friction-find=<hash> in its address, and the SDK on that page outlines the elements whose
// keyed hash it is. The hash is computed here by the core, with the site's key; the request,
// the elements and their labels stay on this page. It works whatever the visitor's consent,
// since nothing is recorded or sent.
import { pickLanguage, textsFor } from '../i18n/index.js';
import { guarded, log } from '../log.js';
import { findElements } from './element_finder.js';
import { findRequestOf } from './find_request.js';
import { FINDER_TAG, FinderOverlay } from './finder_overlay.js';
import { FINDER_TEXT } from './finder_text.js';

// Elements that appear later (a menu opened, a dialog, a form's next part) are looked for
// again after the page changes, for this long, at most once per this interval.
const WATCH_MS = 60000;
const RESCAN_AFTER_MS = 400;

// `hashOf(selector)`: the core's keyed hash, 16 hex digits. Returns a function that stops it.
export function startFinder({ hashOf, lang }) {
  let current = null;
  const run = guarded(() => {
    if (current) current.stop();
    const request = findRequestOf(location.hash);
    current = request ? showFinder(request, hashOf, lang) : null;
  }, 'element finder');
  run();
  window.addEventListener('hashchange', run);
  return () => {
    window.removeEventListener('hashchange', run);
    if (current) current.stop();
  };
}

function showFinder(request, hashOf, explicitLang) {
  if (!window.customElements || !document.documentElement.attachShadow) {
    log.warn('this browser cannot show the element finder.');
    return null;
  }
  if (!customElements.get(FINDER_TAG)) customElements.define(FINDER_TAG, FinderOverlay);
  const lang = pickLanguage(explicitLang);
  const text = FINDER_TEXT[lang] || FINDER_TEXT.en;
  const kindWord = request.kind ? (textsFor(lang).kinds[request.kind] || '') : '';
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
