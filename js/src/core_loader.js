// Instantiates the WebAssembly core. Resolves to null (the SDK becomes a no-op) where the
// browser has no WebAssembly, a Content-Security-Policy forbids compiling it, or its bytes are
// not the ones this friction.js was built with (wasm_digest.js). The bytes are fetched here, so
// that what is checked is what runs: the glue gets them as wasmBinary.
import createFrictionCore from 'friction-core-glue';
import { log } from './log.js';
import { checkedBytes, CORE_SHA256, DigestMismatch } from './wasm_digest.js';

async function coreBytes(wasmUrl) {
  const response = await fetch(wasmUrl, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await checkedBytes(await response.arrayBuffer(), CORE_SHA256, 'friction.wasm'));
}

export async function loadCore(wasmUrl) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    log.info('this browser has no WebAssembly; friction detection is off.');
    return null;
  }
  try {
    return await createFrictionCore({
      wasmBinary: await coreBytes(wasmUrl),
      print: () => {},
      printErr: (text) => log.warn('core:', text),
    });
  } catch (error) {
    if (error instanceof DigestMismatch) {
      log.error(`${error.message} The SDK is off.`);
      return null;
    }
    const csp = /Content Security Policy|wasm-unsafe-eval|CompileError/i.test(String(error && error.message));
    log.warn(
      csp
        ? "WebAssembly is blocked by this page's Content-Security-Policy; add 'wasm-unsafe-eval' to script-src to enable friction detection. The SDK is off."
        : `could not load ${wasmUrl}; the SDK is off.`,
      error,
    );
    return null;
  }
}
