// Chunk, run as a worker: compiles the codec and runs its warm-up on the worker's thread. The
// browser compiles a wasm function when it is first called, on the thread that calls it: run on
// the page, the codec's warm-up is mostly that compilation (about 15 ms of the page's main
// thread on every page where the visitor agreed to signals). The compiled code belongs to the
// module, not to the instance, so the module handed back arrives with it done; the page makes an
// instance of its own, whose warm-up (codec_pipe.js) then only does the work itself. Nothing
// here touches the network or the page: it gets the bytes the page already checked.
import { codecImports, LAST_WARM_UP_STEP } from '../codec_imports.js';

self.onmessage = async ({ data: bytes }) => {
  try {
    const { module, instance } = await WebAssembly.instantiate(bytes, codecImports());
    if (typeof instance.exports._initialize === 'function') instance.exports._initialize();
    for (let step = 0; step <= LAST_WARM_UP_STEP; step++) instance.exports.codec_warm_up(step);
    self.postMessage(module);
  } catch {
    self.postMessage(null); // the page compiles it itself, as without a worker
  }
};
