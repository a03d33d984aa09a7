// Both wasm files are instantiated only if their bytes are the ones this build of friction.js
// was made with: js/build.mjs writes their SHA-256 in. A changed or mixed-up file (another
// build, a CDN's rewrite, tampering on the way) is refused rather than run.
// crypto.subtle exists in secure contexts only (https, localhost). On plain http the check is
// skipped, with one console note: whoever can change friction.wasm there can change friction.js
// too, so refusing would turn the SDK off on such sites for no gain.
import { log } from './log.js';

/* global __FRICTION_CORE_SHA256__, __FRICTION_CODEC_SHA256__ */
// Hex digests as the build wrote them; '' where the sources run unbundled (Node tests).
export const CORE_SHA256 = typeof __FRICTION_CORE_SHA256__ === 'string' ? __FRICTION_CORE_SHA256__ : '';
export const CODEC_SHA256 = typeof __FRICTION_CODEC_SHA256__ === 'string' ? __FRICTION_CODEC_SHA256__ : '';

export class DigestMismatch extends Error {}

// How the SDK fetches its wasm files: no cookies, and not the page's address.
export const WASM_FETCH_OPTIONS = { credentials: 'omit', referrerPolicy: 'no-referrer' };

let toldInsecure = false;

const hex = (buffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

// bytes (ArrayBuffer or Uint8Array) if their SHA-256 is `expected` (or nothing is expected);
// throws DigestMismatch otherwise. subtle: the browser's crypto.subtle, or a test's.
export async function checkedBytes(bytes, expected, name, subtle = globalThis.crypto && globalThis.crypto.subtle) {
  if (!expected) return bytes;
  if (!subtle) {
    if (!toldInsecure) log.info(`not a secure context (https or localhost): ${name} is not checked against its SHA-256.`);
    toldInsecure = true;
    return bytes;
  }
  if (hex(await subtle.digest('SHA-256', bytes)) !== expected)
    throw new DigestMismatch(`${name} is not the file this friction.js was built with; copy all of dist/ from one build.`);
  return bytes;
}

// The checked bytes of the file at url, fetched with WASM_FETCH_OPTIONS. A copy that fails the
// check is fetched once more past the browser's HTTP cache: what the cache gave may be stale, or
// pieced together from a server's wrong answer to a range request; only a fresh copy that fails
// too is refused. Where the check cannot run (plain http), the cache must ask the server first
// (no-cache): a copy it kept for a while may be another build's. fetchWith: the fetch to use;
// subtle: as checkedBytes's.
export async function fetchChecked(url, expected, name, fetchWith = globalThis.fetch, subtle = globalThis.crypto && globalThis.crypto.subtle) {
  const download = async (cache) => {
    const response = await fetchWith.call(globalThis, url, { ...WASM_FETCH_OPTIONS, cache });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  try {
    return await checkedBytes(await download(expected && subtle ? 'default' : 'no-cache'), expected, name, subtle);
  } catch (error) {
    if (!(error instanceof DigestMismatch)) throw error;
    return checkedBytes(await download('reload'), expected, name, subtle);
  }
}
