// Instantiates the WebAssembly core. Resolves to null (the SDK becomes a no-op) where the
// browser has no WebAssembly, a Content-Security-Policy forbids compiling it, or its bytes are
// not the ones this friction.js was built with (wasm_digest.js).
// The module compiles while it downloads (instantiateStreaming), off the main thread, and the
// browser checks its bytes (the fetch's integrity, from the same SHA-256) and may keep the
// compiled code for the site's next pages. Where streaming is not possible (no
// instantiateStreaming, friction.wasm served with another type than application/wasm), the
// bytes are fetched and checked here, then compiled.
import { chunkUrl, loadChunk } from './chunks.js';
import { reachedFromThisSite } from './earlier_page.js';
import { whenIdle, yieldToPage } from './idle.js';
import { log } from './log.js';
import { CORE_SHA256, DigestMismatch, fetchChecked, WASM_FETCH_OPTIONS } from './wasm_digest.js';
import { replyOfWorker, workerMayRun } from './warm_up_worker.js';

// How long the warm-up worker may take before it is ended: it lives 50-130 ms here.
const WARM_UP_WAIT_MS = 5000;

// 'ab12…' (hex) -> 'sha256-qxI…' (the form the fetch's integrity option takes).
const integrityOf = (hex) => `sha256-${btoa(String.fromCharCode(...hex.match(/../g).map((byte) => parseInt(byte, 16))))}`;

const coreBytes = async (wasmUrl) => new Uint8Array(await fetchChecked(wasmUrl, CORE_SHA256, 'friction.wasm'));

let toldType = false;

// Starts the download at once; the glue that compiles it runs a task later (loadCore).
function fetchCore(wasmUrl) {
  if (!CORE_SHA256 || typeof WebAssembly.instantiateStreaming !== 'function') return null;
  const download = fetch(wasmUrl, { ...WASM_FETCH_OPTIONS, integrity: integrityOf(CORE_SHA256) });
  download.catch(() => {}); // told in instantiateCore
  return download;
}

// Resolves to { instance, module }.
async function instantiateCore(wasmUrl, download, imports) {
  const fromBytes = async () => WebAssembly.instantiate(await coreBytes(wasmUrl), imports);
  if (!download) return fromBytes();
  let response;
  try {
    response = await download;
  } catch {
    // The network, or bytes that are not the expected ones: fetched again and checked here,
    // which tells the two apart in the console.
    return fromBytes();
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (/^application\/wasm\b/i.test(response.headers.get('content-type') || '')) {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  if (!toldType) log.info('serve friction.wasm as application/wasm: the browser then compiles it while it downloads.');
  toldType = true;
  return WebAssembly.instantiate(await response.arrayBuffer(), imports); // checked by the fetch's integrity
}

// The core's functions compiled on a worker's thread (chunks/core_warmer.js says why), from the
// page's first idle moment once the core runs. The worker gets the compiled module itself (no
// copy of the bytes, nothing compiled twice): an instance of it there runs the warm-up, and the
// code it compiles is the module's, so the page's instance finds it done. Where no worker can
// run, the page compiles each function at its first call, as it would anyway.
function warmUpOffThread(module) {
  whenIdle(() => {
    replyOfWorker(chunkUrl('core-warmer'), { glue: chunkUrl('core'), module }, { name: 'friction core warm-up', waitMs: WARM_UP_WAIT_MS })
      .catch(() => {}); // nothing lost: a warm-up only
  });
}

// The Emscripten glue with our instantiation (its instantiateWasm hook): resolves to the module.
function createCore(createFrictionCore, wasmUrl, download) {
  let moduleForWarmUp = null;
  const warm = workerMayRun(chunkUrl('core-warmer')) && !reachedFromThisSite(); // earlier_page.js
  return new Promise((resolve, reject) => {
    createFrictionCore({
      instantiateWasm(imports, receiveInstance) {
        // The instance made, its start-up (C++ constructors, Embind's registrations) runs in a
        // task of its own.
        instantiateCore(wasmUrl, download, imports)
          .then(async ({ instance, module }) => {
            if (warm) moduleForWarmUp = module;
            await yieldToPage();
            receiveInstance(instance, module);
          })
          .catch(reject);
        return {}; // the exports come later, through receiveInstance
      },
      print: () => {},
      printErr: (text) => log.warn('core:', text),
    }).then((core) => {
      if (moduleForWarmUp) warmUpOffThread(moduleForWarmUp);
      resolve(core);
    }, reject);
  });
}

export async function loadCore(wasmUrl) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    log.info('this browser has no WebAssembly; friction detection is off.');
    return null;
  }
  try {
    const download = fetchCore(wasmUrl);
    const glue = await loadChunk('core');
    // The glue is a large function to run: in a task of its own.
    await yieldToPage();
    return await createCore(glue.default, wasmUrl, download);
  } catch (error) {
    if (error instanceof DigestMismatch) {
      log.error(`${error.message} The SDK is off.`);
      return null;
    }
    const csp = /Content Security Policy|wasm-unsafe-eval|CompileError/i.test(String(error && error.message)) || error instanceof WebAssembly.CompileError;
    log.warn(
      csp
        ? "WebAssembly is blocked by this page's Content-Security-Policy; add 'wasm-unsafe-eval' to script-src to enable friction detection. The SDK is off."
        : `could not load ${wasmUrl}; the SDK is off.`,
      error,
    );
    return null;
  }
}
