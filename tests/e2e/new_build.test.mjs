// A site deploys a new build while a visitor's browser still holds the old one's wasm: the
// collector lets the browser keep friction.wasm for an hour (demo/collector/static_caching.h),
// while friction.js, which names its wasm's SHA-256, is asked again at each page. The page of
// the new build finds the cached friction.wasm is not its own, fetches it again past the cache
// (js/src/wasm_digest.js) and runs; the SDK says nothing in the console (Chromium notes the
// failed integrity check of its first fetch in its own words).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { clickRepeatedly, launchBrowser, newAnsweredPage, root, startCollector, watchPage, watchWire } from './harness.mjs';

const served = mkdtempSync(join(tmpdir(), 'friction-new-build-'));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
let collector;
let browser;

before(async () => {
  symlinkSync(join(root, 'demo'), join(served, 'demo'));
  mkdirSync(join(served, 'dist'));
  cpSync(join(root, 'dist'), join(served, 'dist'), { recursive: true });
  collector = await startCollector({ serveFrom: served });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await collector?.stop();
  rmSync(served, { recursive: true, force: true });
});

// "Build B": the same core with a custom section appended (a valid module, other bytes), and
// friction.js naming its digest instead of build A's.
function deployNextBuild() {
  const wasmPath = join(served, 'dist/friction.wasm');
  const scriptPath = join(served, 'dist/friction.js');
  const oldWasm = readFileSync(wasmPath);
  const section = Buffer.from([0x00, 0x06, 0x04, ...Buffer.from('next'), 0x01]);
  const newWasm = Buffer.concat([oldWasm, section]);
  const script = readFileSync(scriptPath, 'utf8');
  assert.ok(script.includes(sha256(oldWasm)), 'friction.js names its core by SHA-256');
  writeFileSync(wasmPath, newWasm);
  writeFileSync(scriptPath, script.replace(sha256(oldWasm), sha256(newWasm)));
}

test('a new build while the browser holds the old friction.wasm: the page fetches it again past the cache and runs', async () => {
  const page = await newAnsweredPage(browser, {}, { level: 'none' });
  const seen = watchPage(page);
  const { sent, clear } = await watchWire(page);
  // The requests for friction.wasm that reached the collector, by their Cache-Control, since the last look.
  const coreAsked = () => {
    const asked = sent(/\/dist\/friction\.wasm$/).filter(({ headers }) => headers).map(({ headers }) => headers['Cache-Control'] || '');
    clear();
    return asked;
  };
  await page.goto(`${collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true, 'build A runs');
  assert.deepEqual(coreAsked(), [''], 'build A downloads its core once');

  deployNextBuild();
  await page.goto(`${collector.base}/product/8813`);
  assert.equal(await page.evaluate(() => window.friction.ready), true, `build B runs; the page said:\n${seen.console.join('\n')}`);
  assert.deepEqual(coreAsked(), ['no-cache'], 'the cached core was not build B\'s: asked again past the cache, once');
  const detected = page.evaluate(() => new Promise((resolve) => addEventListener('friction:detected', (event) => resolve(event.detail.kind), { once: true })));
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  assert.equal(await detected, 'rage_click', 'and detects');
  assert.deepEqual(seen.console.filter((line) => line.includes('[friction]')), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
