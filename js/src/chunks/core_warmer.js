// Chunk, run as a worker: makes a throwaway instance of the detection core's module and runs its
// warm-up (wasm/bindings.cpp, warmUp), so that the browser compiles the core's functions on this
// thread. A browser compiles a wasm function when it is first called, on the thread that calls
// it, and keeps the code with the module: the page sends its own compiled module here (a
// WebAssembly.Module is shared with a worker, not copied), so its instance then finds its
// functions done instead of compiling each on the main thread at its first event, its first step
// and its pagehide. Nothing here touches the page. Its one request is for the glue, which the
// page has just loaded (the browser's cache answers it where dist/ may be cached). The engine
// made here is deleted, and its memory goes with the worker.
self.onmessage = async ({ data: { glue, module } }) => {
  let warmed = false;
  try {
    const { default: createFrictionCore } = await import(glue);
    const core = await new Promise((resolve, reject) => {
      createFrictionCore({
        instantiateWasm(imports, receiveInstance) {
          WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module), reject);
          return {}; // the exports come through receiveInstance
        },
        print: () => {},
        printErr: () => {},
      }).then(resolve, reject);
    });
    core.warmUp();
    warmed = true;
  } catch {
    // The page compiles what it calls, as it would without a worker.
  }
  self.postMessage(warmed);
};
