// The parts of the SDK that are not in friction.js itself, as ES modules next to it:
//  - the core's Emscripten glue, loaded with every page beside friction.wasm, but compiled off
//    the main thread and run a task later (core_loader.js);
//  - the consent panel and its texts, one chunk a language, when it asks or the Privacy button
//    is pressed;
//  - the element finder, on the dashboard's links only;
//  - the sending side (codec pipe and transport), once something may be sent (sending_gate.js);
//  - the codec's warm-up, run as a worker where the visitor agreed to signals (codec_loader.js).
// Their names carry a hash of their bundled code (js/build.mjs), so a cached chunk of another build
// is never mixed with this friction.js.

/* global __FRICTION_CHUNK_FILES__ */
// { panel: 'friction-panel-<hash>.mjs', ... }, written by js/build.mjs. Unbundled (Node tests
// importing the sources), there are none.
const FILES = typeof __FRICTION_CHUNK_FILES__ === 'object' ? __FRICTION_CHUNK_FILES__ : {};

let base = '';
const loaded = new Map();

// The address chunks are relative to: friction.js's own (script tag) or friction.mjs's.
export function setChunkBase(url) {
  base = url;
}

// Resolves to the chunk's exports. A failed load rejects with an error that says what to do,
// and is tried again at the next call.
export function loadChunk(name) {
  let chunk = loaded.get(name);
  if (!chunk) {
    const file = FILES[name];
    chunk = file
      ? import(new URL(file, base || location.href).href)
      : Promise.reject(new Error(`this build has no chunk "${name}"`));
    chunk = chunk.catch((error) => {
      loaded.delete(name);
      throw new Error(`could not load ${file || name} (copy every file of dist/ next to friction.js): ${error && error.message}`);
    });
    loaded.set(name, chunk);
  }
  return chunk;
}

// A chunk's address, for a worker (no import): '' where this build has none.
export function chunkUrl(name) {
  return FILES[name] ? new URL(FILES[name], base || location.href).href : '';
}

// One language's texts (i18n/en.js, fr.js): the language's chunk.
export const loadTexts = (lang) => loadChunk(`texts-${lang}`).then((chunk) => chunk.default);
