// The element finder: the dashboard's "open on the page" link opens a page of the site with
// #friction-find=<hash> in its address, and the SDK on that page outlines the elements whose
// keyed hash it is. The hash is computed here by the core, with the site's key; the request,
// the elements and their labels stay on this page. It works whatever the visitor's consent,
// since nothing is recorded or sent.
// Only the request is read here: the overlay and the search load as a chunk when a request
// comes (chunks.js), so that ordinary visitors never download them.
import { loadChunk, loadTexts } from '../chunks.js';
import { pickLanguage } from '../i18n/language.js';
import { guarded, log } from '../log.js';
import { findRequestOf } from './find_request.js';

// `hashOf(selector)`: the core's keyed hash, 16 hex digits. Returns a function that stops it.
export function startFinder({ hashOf, lang }) {
  let current = null;
  const run = guarded(() => {
    if (current) current.stop();
    const request = findRequestOf(location.hash);
    current = request ? finderFor(request, hashOf, lang) : null;
  }, 'element finder');
  run();
  window.addEventListener('hashchange', run);
  return () => {
    window.removeEventListener('hashchange', run);
    if (current) current.stop();
  };
}

// Loads the finder and shows it; returns { stop }, which holds even before it loaded.
function finderFor(request, hashOf, explicitLang) {
  if (!window.customElements || !document.documentElement.attachShadow) {
    log.warn('this browser cannot show the element finder.');
    return null;
  }
  const lang = pickLanguage(explicitLang);
  let shown = null;
  let stopped = false;
  Promise.all([loadChunk('finder'), loadTexts(lang)])
    .then(([chunk, texts]) => {
      if (stopped) return;
      const kindWord = request.kind ? (texts.kinds[request.kind] || '') : '';
      shown = chunk.showFinder(request, hashOf, lang, kindWord);
    })
    .catch((error) => log.error('could not show the element finder.', error));
  return {
    stop: () => {
      stopped = true;
      if (shown) shown.stop();
    },
  };
}
