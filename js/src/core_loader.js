// Instantiates the WebAssembly core. Resolves to null (the SDK becomes a no-op) where the
// browser has no WebAssembly or a Content-Security-Policy forbids compiling it.
import createFrictionCore from 'friction-core-glue';
import { log } from './log.js';

export async function loadCore(wasmUrl) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    log.info('this browser has no WebAssembly; friction detection is off.');
    return null;
  }
  try {
    return await createFrictionCore({
      locateFile: () => wasmUrl,
      print: () => {},
      printErr: (text) => log.warn('core:', text),
    });
  } catch (error) {
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
