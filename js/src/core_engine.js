// The core's engine as an object: wasm/bindings.cpp exports each engine method as a free function
// engine_<method>(handle, ...args) (no Embind class: less glue, less start-up); this binds the
// handle back in, so callers write engine.drain(now).
const PREFIX = 'engine_';

// config: { site, hashKey, ringCapacity, randomSeed, timeOrigin } (sdk/engine.h, EngineConfig).
export function createEngine(core, config) {
  const handle = core.engine_create(config.site, config.hashKey, config.ringCapacity, config.randomSeed, config.timeOrigin);
  const engine = { delete: () => core.engine_delete(handle) };
  for (const key of Object.keys(core)) {
    if (key.startsWith(PREFIX) && key !== 'engine_create' && key !== 'engine_delete') {
      const method = core[key];
      engine[key.slice(PREFIX.length)] = (...args) => method(handle, ...args);
    }
  }
  return engine;
}
