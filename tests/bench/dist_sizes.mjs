// What a page downloads, raw, gzip -9 and brotli -q 11, split as the SDK loads it: before any
// consent (the script and the detection core) and the codec, fetched only once something may be
// sent. Then where the script's bytes come from, minified. Usage: node tests/bench/dist_sizes.mjs
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const TARGETS = { 'before consent': 12 * 1024, codec: 45 * 1024 }; // brotli, issue 5

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});
const file = (name) => ({ name, ...sizes(readFileSync(resolve(root, 'dist', name))) });
const sum = (name, parts) => ({
  name,
  raw: parts.reduce((n, p) => n + p.raw, 0),
  gzip: parts.reduce((n, p) => n + p.gzip, 0),
  brotli: parts.reduce((n, p) => n + p.brotli, 0),
});

const script = file('friction.js');
const core = file('friction.wasm');
const codec = file('friction-codec.wasm');
const groups = [
  ['before consent: friction.js', script],
  ['before consent: friction.wasm (detection core)', core],
  ['before consent, total', sum('', [script, core]), TARGETS['before consent']],
  ['codec: friction-codec.wasm', codec, TARGETS.codec],
];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| part | raw | gzip | brotli | brotli target |');
console.log('|---|---|---|---|---|');
for (const [label, s, target] of groups) {
  const verdict = target ? `${kb(target)} (${(s.brotli / target).toFixed(2)}x)` : '';
  console.log(`| ${label} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${verdict} |`);
}

// Where friction.js's minified bytes come from, by folder of source.
const glue = resolve(root, process.env.FRICTION_WASM_BUILD || 'build-wasm', 'wasm/friction_core.js');
const { metafile } = await build({
  entryPoints: [resolve(root, 'js/src/script_entry.js')],
  bundle: true, minify: true, write: false, metafile: true, format: 'iife', target: ['es2020'],
  alias: { 'friction-core-glue': glue }, logLevel: 'warning', legalComments: 'none',
});
const byPart = {};
for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
  const part = input.includes('friction_core.js') ? 'Emscripten + Embind glue'
    : /js\/src\/(panel|i18n)\//.test(input) ? 'consent panel and its texts'
    : /js\/src\/help\//.test(input) ? 'help content'
    : /js\/src\/capture\//.test(input) ? 'DOM capture'
    : 'loader, transport, API';
  byPart[part] = (byPart[part] || 0) + bytesInOutput;
}
console.log('\nfriction.js, minified bytes by part:');
for (const [part, bytes] of Object.entries(byPart).sort((a, b) => b[1] - a[1])) console.log(`  ${part}: ${bytes}`);
