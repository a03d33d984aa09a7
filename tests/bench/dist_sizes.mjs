// What a page downloads, raw, gzip -9 and brotli -q 11, split as the SDK loads it (js/src/chunks.js):
//  - with the page: friction.js (the help widget included: fetched at an offer, the request
//    would tell the server that someone was stuck), the core's glue chunk and friction.wasm;
//  - at its first idle moment on a visit's first page: the worker that compiles the core;
//  - a first visit: the consent panel and its texts too;
//  - once the visitor's consent lets something be sent: the sending side (codec pipe and
//    transport), the codec, and the worker that compiles it;
//  - the element finder on the dashboard's links only.
// Then where friction.js's own bytes come from, minified. Usage: node tests/bench/dist_sizes.mjs
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const KB = 1024;
const TARGETS = { answered: 30 * KB, firstVisit: 40 * KB, codec: 45 * KB }; // brotli: issue 17, issue 5

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});
const dist = readdirSync(resolve(root, 'dist'));
const file = (name) => ({ name, ...sizes(readFileSync(resolve(root, 'dist', name))) });
// A chunk by its name, whatever its hash: friction-panel-<hash>.mjs.
const chunk = (name) => {
  const found = dist.filter((entry) => new RegExp(`^friction-${name}-[A-Z0-9]+\\.mjs$`).test(entry));
  if (found.length !== 1) throw new Error(`dist/ should hold one friction-${name}-*.mjs, not ${found.length}: run node js/build.mjs`);
  return file(found[0]);
};
const sum = (parts) => ({
  raw: parts.reduce((n, p) => n + p.raw, 0),
  gzip: parts.reduce((n, p) => n + p.gzip, 0),
  brotli: parts.reduce((n, p) => n + p.brotli, 0),
});

const script = file('friction.js');
const glue = chunk('core');
const core = file('friction.wasm');
const panel = chunk('panel');
const texts = { en: chunk('texts-en'), fr: chunk('texts-fr') };
// The larger language of each, so that the totals hold for both.
const larger = (pair) => (pair.fr.brotli > pair.en.brotli ? pair.fr : pair.en);
const coreWarmer = chunk('core-warmer');
const withPage = [script, glue, core];
const answered = [...withPage, coreWarmer];
const rows = [
  ['friction.js (with the help widget and its texts in every language)', script],
  [`${glue.name} (Emscripten + Embind glue)`, glue],
  ['friction.wasm (detection core)', core],
  ['with the page, total', sum(withPage)],
  [`${coreWarmer.name} (the worker that compiles the core's functions, at the first idle moment)`, coreWarmer],
  ['**a visitor who answered, before consent**', sum(answered), TARGETS.answered],
  [`${panel.name} (consent panel)`, panel],
  [`${texts.en.name} (its English texts)`, texts.en],
  [`${texts.fr.name} (its French texts)`, texts.fr],
  ['**a first visit** (the same with the panel, the larger language)', sum([...answered, panel, larger(texts)]), TARGETS.firstVisit],
  [`${chunk('send').name} (codec pipe and transport, after consent)`, chunk('send')],
  ['friction-codec.wasm (after consent)', file('friction-codec.wasm'), TARGETS.codec],
  [`${chunk('codec-warmer').name} (the worker that compiles it, after consent)`, chunk('codec-warmer')],
  [`${chunk('finder').name} (element finder, dashboard links only)`, chunk('finder')],
];
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
console.log('| what loads | raw | gzip | brotli | brotli target |');
console.log('|---|---|---|---|---|');
for (const [label, s, target] of rows) {
  const verdict = target ? `${kb(target)} (${(s.brotli / target).toFixed(2)}x)` : '';
  console.log(`| ${label} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${verdict} |`);
}

// Where friction.js's minified bytes come from, by folder of source.
const { metafile } = await build({
  entryPoints: [resolve(root, 'js/src/script_entry.js')],
  bundle: true, minify: true, write: false, metafile: true, format: 'iife', target: ['es2020'],
  define: { __FRICTION_CHUNK_FILES__: '{}' }, logLevel: 'warning', legalComments: 'none',
});
const byPart = {};
for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
  const part = /js\/src\/capture\//.test(input) ? 'DOM capture'
    : /js\/src\/(sending_gate|outbox|ledger|handoff|ldp_setting)\.js/.test(input) ? 'sending hooks (the gate to the send chunk, receipt, hand-off)'
    : /js\/src\/help\//.test(input) || /_help\.js$/.test(input) ? 'help widget and its texts'
    : /js\/src\/(panel|finder|i18n)\//.test(input) ? 'consent button and finder hooks'
    : 'loader, engine wiring, API';
  byPart[part] = (byPart[part] || 0) + bytesInOutput;
}
console.log('\nfriction.js, bytes by part as esbuild minifies it (before terser):');
for (const [part, bytes] of Object.entries(byPart).sort((a, b) => b[1] - a[1])) console.log(`  ${part}: ${bytes}`);
