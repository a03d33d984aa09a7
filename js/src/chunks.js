// Parts of the SDK that only some pages need load when they are needed, as ES modules next to
// friction.js: the consent panel (when it asks, or when the Privacy button is pressed), the help
// widget (at its first offer), the element finder (on the dashboard's links) and each
// language's texts. A visitor who already answered downloads none of them until one is used.
// Their names carry a hash of their content (js/build.mjs), so a cached chunk of another build
// is never mixed with this friction.js.
// { panel: 'friction-panel-<hash>.mjs', ... }, written by js/build.mjs. Unbundled (Node tests
// importing the sources), there are none.
// eslint-disable-next-line no-undef
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

// One language's texts (i18n/en.js, fr.js): the language's chunk.
export const loadTexts = (lang) => loadChunk(`texts-${lang}`).then((chunk) => chunk.default);
