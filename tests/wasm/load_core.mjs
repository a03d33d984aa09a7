// Loads the built core under Node the way the browser does, but with the wasm bytes passed in.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const wasmBuild = resolve(root, process.env.FRICTION_WASM_BUILD || 'build-wasm');

export async function loadCore() {
  const createFrictionCore = createRequire(import.meta.url)(resolve(wasmBuild, 'wasm/friction_core.js'));
  return createFrictionCore({ wasmBinary: await readFile(resolve(root, 'dist/friction.wasm')) });
}

// The codec module (friction-codec.wasm) through the SDK's own loader, from bytes.
export async function loadCodecModule() {
  const { loadCodec } = await import('../../js/src/codec_loader.js');
  return loadCodec(await readFile(resolve(root, 'dist/friction-codec.wasm')));
}

export const defaultConfig = (overrides = {}) => ({
  site: 'demo',
  hashKey: '',
  ringCapacity: 64,
  randomSeed: '00112233445566778899aabbccddeeff', // the browser draws it; tests fix it
  timeOrigin: Date.now(), // the wall-clock time of page time 0 (performance.timeOrigin)
  ...overrides,
});
