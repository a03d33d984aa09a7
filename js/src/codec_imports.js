// What the codec (friction-codec.wasm) asks of its host, shared by the page's loader and the
// warm-up worker: nothing it needs at run time. It would only exit on a broken invariant, which
// must stop the codec, not the page.
export const codecImports = () => ({
  env: { emscripten_notify_memory_growth: () => {} },
  wasi_snapshot_preview1: {
    proc_exit: (code) => {
      throw new Error(`the codec stopped (exit ${code})`);
    },
  },
});

// codec_warm_up's steps (wasm/codec_exports.cpp): 0 digests the dictionary, 1 and 2 run the
// compressor and a sample batch so that their functions are compiled before the pagehide.
export const DIGEST_STEP = 0;
export const LAST_WARM_UP_STEP = 2;
