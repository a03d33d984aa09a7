// Bundles the thin JS layer and the Emscripten glue into dist/: friction.js (script tag) and
// friction.mjs (ES module), next to friction.wasm and friction-codec.wasm, and the type
// definitions. Usage: node js/build.mjs <build-wasm dir> (after the native build, which writes
// js/src/generated/core_tables.js).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FRICTION_KINDS } from './src/generated/core_tables.js';

const wasmBuild = resolve(process.argv[2] || 'build-wasm');
const glue = resolve(wasmBuild, 'wasm/friction_core.js');
mkdirSync('dist', { recursive: true });
copyFileSync(resolve(wasmBuild, 'wasm/friction_core.wasm'), 'dist/friction.wasm');
copyFileSync(resolve(wasmBuild, 'wasm/friction-codec.wasm'), 'dist/friction-codec.wasm');

// friction.js instantiates only the wasm files it was built with (js/src/wasm_digest.js).
const sha256 = (file) => JSON.stringify(createHash('sha256').update(readFileSync(file)).digest('hex'));
const common = {
  define: {
    __FRICTION_CORE_SHA256__: sha256('dist/friction.wasm'),
    __FRICTION_CODEC_SHA256__: sha256('dist/friction-codec.wasm'),
  },
  bundle: true,
  minify: true,
  target: ['es2020'],
  alias: { 'friction-core-glue': glue },
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: ['js/src/script_entry.js'], format: 'iife', outfile: 'dist/friction.js' });
await build({ ...common, entryPoints: ['js/src/module_entry.js'], format: 'esm', outfile: 'dist/friction.mjs' });

// The types, with FrictionKind as the core's list of kinds.
const types = readFileSync('js/types/friction.d.ts', 'utf8');
const KINDS_MARK = '__FRICTION_KINDS__';
if (!types.includes(` ${KINDS_MARK}`)) throw new Error(`js/types/friction.d.ts lost its ${KINDS_MARK} mark`);
const kindUnion = FRICTION_KINDS.map((kind) => `\n  | '${kind}'`).join('');
const SOURCE_NOTE = /^\/\/ Source: .*\n\/\/ .*\n/m; // for the file here, not for the one shipped
writeFileSync('dist/friction.d.ts', types.replace(` ${KINDS_MARK}`, kindUnion).replace(SOURCE_NOTE, ''));
