// Bundles the thin JS layer and the Emscripten glue into dist/: friction.js (script tag) and
// friction.mjs (ES module), next to friction.wasm and friction-codec.wasm. Usage: node js/build.mjs <build-wasm dir>
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

const wasmBuild = resolve(process.argv[2] || 'build-wasm');
const glue = resolve(wasmBuild, 'wasm/friction_core.js');
const common = {
  bundle: true,
  minify: true,
  target: ['es2020'],
  alias: { 'friction-core-glue': glue },
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: ['js/src/script_entry.js'], format: 'iife', outfile: 'dist/friction.js' });
await build({ ...common, entryPoints: ['js/src/module_entry.js'], format: 'esm', outfile: 'dist/friction.mjs' });
copyFileSync(resolve(wasmBuild, 'wasm/friction_core.wasm'), 'dist/friction.wasm');
copyFileSync(resolve(wasmBuild, 'wasm/friction-codec.wasm'), 'dist/friction-codec.wasm');
