// The core's functions are compiled in a worker (js/src/chunks/core_warmer.js) where the page
// allows one: a browser compiles a wasm function at its first call, on the calling thread, so
// without it the page's main thread compiles what its first clicks, steps and pagehide call.
// Measured here as Chromium's trace sees it (wasm.CompileLazy on the page's main thread), on the
// calls a rage click and a flush make, with the worker and under a CSP that forbids it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, wasmCompiledOnMainThreadDuring, watchPage, watchWorkers } from './harness.mjs';

const suite = useCollectorAndBrowser();

const PRODUCT_PAGE = '/product/8812';
const CORE_WARMER = /\/dist\/friction-core-warmer-[A-Z0-9]{8}\.mjs$/;

// The wasm functions the page's main thread compiled while the visitor rage-clicked the coupon
// button and the page flushed, its core started and its start-up done.
async function compiledOnThePage(page, { arrive = (url) => page.goto(url) } = {}) {
  await arrive(`${suite.collector.base}${PRODUCT_PAGE}`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.waitForTimeout(1500); // the first idle moment, and the worker's run, over
  const compiled = await wasmCompiledOnMainThreadDuring(suite.browser, async () => {
    await clickRepeatedly(page, '#apply-coupon', 4, 120);
    await page.waitForTimeout(1200);
    await page.evaluate(() => window.friction.flush());
    await page.waitForTimeout(300);
  });
  const detections = await page.evaluate(() => window.detectedKinds);
  return { compiled, detections };
}

async function visitor() {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'none' });
  await page.addInitScript(() => {
    window.detectedKinds = [];
    addEventListener('friction:detected', (event) => window.detectedKinds.push(event.detail.kind));
  });
  return page;
}

test('the core warm-up worker runs once the core runs, ends, and leaves the page nothing to compile for a rage click', async () => {
  const page = await visitor();
  const seen = watchPage(page);
  const workers = watchWorkers(page);
  const withWorker = await compiledOnThePage(page);
  await page.close();

  const blocked = await visitor();
  await blocked.context().route(`${suite.collector.base}${PRODUCT_PAGE}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': `${response.headers()['content-security-policy']}; worker-src 'none'` };
    return route.fulfill({ response, headers });
  });
  const blockedSeen = watchPage(blocked);
  const withoutWorker = await compiledOnThePage(blocked);
  await blocked.close();

  const coreWorkers = workers.filter((w) => CORE_WARMER.test(w.url));
  assert.equal(coreWorkers.length, 1, `one core warm-up worker: ${JSON.stringify(workers)}`);
  assert.equal(coreWorkers[0].closed, true, 'the worker is gone once it ran');
  assert.ok(withWorker.detections.includes('rage_click') && withoutWorker.detections.includes('rage_click'),
    `the rage click is told either way: ${JSON.stringify([withWorker.detections, withoutWorker.detections])}`);
  assert.ok(withoutWorker.compiled > 0, 'without the worker the page compiles the functions a rage click calls');
  assert.ok(withWorker.compiled < withoutWorker.compiled / 4,
    `with the worker the page compiles far fewer: ${withWorker.compiled} against ${withoutWorker.compiled}`);
  for (const s of [seen, blockedSeen]) {
    assert.deepEqual(s.console.filter((line) => line.includes('[friction]')), []);
    assert.deepEqual(s.errors, []);
  }
});

test('a page reached from another page of the site starts no warm-up worker: its process has the core compiled', async () => {
  const page = await visitor();
  const seen = watchPage(page);
  const workers = watchWorkers(page);
  await page.goto(`${suite.collector.base}/`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.waitForTimeout(1500); // the first page's worker ran
  const firstPageWorkers = workers.filter((w) => CORE_WARMER.test(w.url)).length;
  // The page's own navigation: a same-origin referrer, as a link gives.
  const next = await compiledOnThePage(page, {
    arrive: (url) => Promise.all([page.waitForURL(url), page.evaluate((href) => { location.href = href; }, url)]),
  });
  await page.close();

  assert.equal(firstPageWorkers, 1, `the first page warms the core up: ${JSON.stringify(workers)}`);
  assert.equal(workers.filter((w) => CORE_WARMER.test(w.url)).length, 1, `no worker for the next page: ${JSON.stringify(workers)}`);
  assert.ok(next.detections.includes('rage_click'), `the rage click is told: ${JSON.stringify(next.detections)}`);
  assert.ok(next.compiled <= 10, `the next page finds the functions compiled: ${next.compiled} compiled on its main thread`);
  assert.deepEqual(seen.console.filter((line) => line.includes('[friction]')), []);
  assert.deepEqual(seen.errors, []);
});

test('friction.wasm served without its type: compiled from its bytes, and the worker still warms that module up', async () => {
  const page = await visitor();
  await page.context().route('**/dist/friction.wasm', async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const seen = watchPage(page);
  const workers = watchWorkers(page);
  const { compiled, detections } = await compiledOnThePage(page);
  await page.close();

  assert.ok(detections.includes('rage_click'), `the rage click is told: ${JSON.stringify(detections)}`);
  assert.deepEqual(seen.console.filter((line) => line.includes('[friction]')).map((line) => line.replace(/^\w+: /, '')),
    ['[friction] serve friction.wasm as application/wasm: the browser then compiles it while it downloads.']);
  const coreWorkers = workers.filter((w) => CORE_WARMER.test(w.url));
  assert.equal(coreWorkers.length, 1, `one core warm-up worker: ${JSON.stringify(workers)}`);
  assert.ok(compiled <= 10, `the worker warmed the page's module up: ${compiled} functions compiled on the page's main thread`);
  assert.deepEqual(seen.errors, []);
});
