// Chunk: the Emscripten glue of the detection core (Embind's runtime). Every page needs it, but
// not in the task that runs friction.js: as a module of its own it downloads beside
// friction.wasm and compiles off the main thread (core_loader.js).
export { default } from 'friction-core-glue';
