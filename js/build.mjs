// Bundles the thin JS layer and the Emscripten glue into dist/: friction.js (script tag) and
// friction.mjs (ES module), next to friction.wasm and friction-codec.wasm, the chunks both load
// only when a page needs them (friction-<chunk>-<hash>.mjs, js/src/chunks.js), and the type
// definitions. Usage: node js/build.mjs <build-wasm dir> (after the native build, which writes
// js/src/generated/core_tables.js).
import { build } from 'esbuild';
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
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

// The chunks: self-contained ES modules (the few helpers they share with the main file are
// copied into them), named by a hash of their bundled code (terser's output below follows from
// it), so that a browser never mixes a cached chunk of one build with another build's
// friction.js.
const CHUNKS = {
  core: 'js/src/chunks/core_chunk.js',
  panel: 'js/src/chunks/panel_chunk.js',
  finder: 'js/src/chunks/finder_chunk.js',
  send: 'js/src/chunks/send_chunk.js', // the codec pipe and the transport, once something may be sent
  'texts-en': 'js/src/chunks/texts_en.js',
  'texts-fr': 'js/src/chunks/texts_fr.js',
  'codec-warmer': 'js/src/chunks/codec_warmer.js', // a module worker's script
  'core-warmer': 'js/src/chunks/core_warmer.js', // the same
};
for (const old of readdirSync('dist')) if (/^friction-.+\.mjs$/.test(old)) rmSync(`dist/${old}`);
const chunkBuild = await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(CHUNKS).map(([name, source]) => [`friction-${name}`, source])),
  entryNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  outdir: 'dist',
  metafile: true,
});
const chunkFiles = {};
for (const [output, { entryPoint }] of Object.entries(chunkBuild.metafile.outputs)) {
  const name = Object.keys(CHUNKS).find((chunk) => resolve(CHUNKS[chunk]) === resolve(entryPoint));
  if (name) chunkFiles[name] = basename(output);
}
if (Object.keys(chunkFiles).length !== Object.keys(CHUNKS).length) throw new Error(`chunks missing: ${JSON.stringify(chunkFiles)}`);

// Chromium's explicit compile hint (V8, Chrome 136+): every function of the file is compiled on
// the background thread that parses it while it downloads, not on the main thread when first
// called. Only for the files whose code runs as the page starts: friction.js or friction.mjs and
// the glue. Other browsers read a comment.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const gluePath = `dist/${chunkFiles.core}`;
writeFileSync(gluePath, `${COMPILE_HINT}\n${readFileSync(gluePath, 'utf8')}`);

const main = {
  ...common,
  define: { ...common.define, __FRICTION_CHUNK_FILES__: JSON.stringify(chunkFiles) },
  banner: { js: COMPILE_HINT },
};
await build({ ...main, entryPoints: ['js/src/script_entry.js'], format: 'iife', outfile: 'dist/friction.js' });
await build({ ...main, entryPoints: ['js/src/module_entry.js'], format: 'esm', outfile: 'dist/friction.mjs' });

// Terser after esbuild: its compressor's further passes take 2.5 KB brotli off dist/ (1.4 KB of
// it before consent: friction.js with the help widget, the glue), as the closure compiler would
// without its Java toolchain. Safe transforms only; the compile hint stays the first line.
for (const file of readdirSync('dist').filter((name) => /\.m?js$/.test(name))) {
  const path = `dist/${file}`;
  const { code } = await minify(readFileSync(path, 'utf8'), {
    ecma: 2020,
    module: file.endsWith('.mjs'),
    compress: { passes: 2 },
    format: { comments: /^# allFunctionsCalledOnLoad$/ },
  });
  if (Buffer.byteLength(code) < statSync(path).size) writeFileSync(path, code); // not the tiny worker scripts it grows
}

// The types, with FrictionKind as the core's list of kinds.
const types = readFileSync('js/types/friction.d.ts', 'utf8');
const KINDS_MARK = '__FRICTION_KINDS__';
if (!types.includes(` ${KINDS_MARK}`)) throw new Error(`js/types/friction.d.ts lost its ${KINDS_MARK} mark`);
const kindUnion = FRICTION_KINDS.map((kind) => `\n  | '${kind}'`).join('');
const SOURCE_NOTE = /^\/\/ Source: .*\n\/\/ .*\n/m; // for the file here, not for the one shipped
writeFileSync('dist/friction.d.ts', types.replace(` ${KINDS_MARK}`, kindUnion).replace(SOURCE_NOTE, ''));
