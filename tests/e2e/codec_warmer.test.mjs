// The codec's warm-up runs in a worker (js/src/chunks/codec_warmer.js) where the page allows one,
// so that compiling the codec does not take the page's main thread; where it does not (a CSP
// without workers), the page compiles the codec itself, and batches go out just the same, with
// no message of the SDK's in the console. A page reached from another page of the site, where
// the codec ran, needs no worker: its renderer process has the codec's code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, wasmCompiledOnMainThreadDuring, watchPage, watchWorkers } from './harness.mjs';

const suite = useCollectorAndBrowser();

const PRODUCT_PAGE = '/product/8812';
const CODEC_WARMER = /\/dist\/friction-codec-warmer-[A-Z0-9]{8}\.mjs$/;
const sdkMessages = (seen) => seen.console.filter((line) => line.includes('[friction]'));

// Runs in the page: what each WebAssembly.instantiate call of the page got, a compiled module or
// bytes. The core streams (instantiateStreaming); the codec is the one instantiated so.
function watchInstantiate() {
  window.instantiatedFrom = [];
  const instantiate = WebAssembly.instantiate;
  window.instantiated = 0;
  WebAssembly.instantiate = function (source, ...rest) {
    window.instantiatedFrom.push(source instanceof WebAssembly.Module ? 'module' : 'bytes');
    return instantiate.call(this, source, ...rest).then((result) => {
      window.instantiated += 1;
      return result;
    });
  };
}

// A consented visitor's page with a rage click on the coupon button: what the page instantiated
// the codec from, and how many batches the collector stored once the page sent what it had
// (friction.flush(), a fetch while the page lives: a beacon sent as a page closes can be lost
// where a test routes requests, and the CSP test routes the page's own).
async function visitAndSend(page) {
  await page.addInitScript(watchInstantiate);
  const before = suite.collector.storedBatches();
  await page.goto(`${suite.collector.base}${PRODUCT_PAGE}`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  // The codec in place (a loaded machine may take a while to compile it), then its idle warm-up.
  await page.waitForFunction(() => window.instantiated >= 1, null, { timeout: 15000 });
  await page.waitForTimeout(1200); // the burst over, the rage click told
  const instantiatedFrom = await page.evaluate(() => window.instantiatedFrom);
  await page.evaluate(() => window.friction.flush());
  for (let waited = 0; waited < 10000 && suite.collector.storedBatches() === before; waited += 250) await page.waitForTimeout(250);
  await page.close();
  return { instantiatedFrom, batches: suite.collector.storedBatches() - before };
}

test('a consented visitor: the codec is compiled in a worker that ends once it handed the module over, and the batch goes', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  const seen = watchPage(page);
  const workers = watchWorkers(page);
  const { instantiatedFrom, batches } = await visitAndSend(page);
  assert.deepEqual(instantiatedFrom, ['module'], 'the page made its codec from the module the worker compiled');
  const codecWorkers = workers.filter((worker) => CODEC_WARMER.test(worker.url));
  assert.equal(codecWorkers.length, 1, `one codec worker (the core has its own, core_warmer.test.mjs): ${JSON.stringify(workers)}`);
  assert.equal(codecWorkers[0].closed, true, 'the worker is gone once the module is handed over');
  assert.ok(batches >= 1, `the page's batch reached the collector; the page said:\n${seen.console.join('\n')}`);
  assert.deepEqual(sdkMessages(seen), []);
  assert.deepEqual(seen.errors, []);
});

test('a CSP that forbids workers: the page compiles the codec itself, and the batch goes', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  await page.context().route(`${suite.collector.base}${PRODUCT_PAGE}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': `${response.headers()['content-security-policy']}; worker-src 'none'` };
    return route.fulfill({ response, headers });
  });
  const seen = watchPage(page);
  let workers = 0;
  page.on('worker', () => { workers += 1; });
  const { instantiatedFrom, batches } = await visitAndSend(page);
  assert.deepEqual(instantiatedFrom, ['bytes'], 'the page compiled the codec from its bytes');
  assert.equal(workers, 0, 'no worker ran');
  assert.ok(seen.console.some((line) => /worker/i.test(line) && /Content Security Policy/i.test(line)), `the browser says it refused the worker:\n${seen.console.join('\n')}`);
  assert.ok(batches >= 1, `the page's batch reached the collector; the page said:\n${seen.console.join('\n')}`);
  assert.deepEqual(sdkMessages(seen), []);
  assert.deepEqual(seen.errors, []);
});

// A rage click on the coupon button and the batch it makes sent (friction.flush()): the wasm
// functions the page's main thread compiled meanwhile, the core's and the codec's.
async function compiledToSendABatch(page) {
  await page.waitForFunction(() => window.instantiated >= 1, null, { timeout: 15000 });
  await page.waitForTimeout(1500); // the codec's idle warm-up steps
  const before = suite.collector.storedBatches();
  const compiled = await wasmCompiledOnMainThreadDuring(suite.browser, async () => {
    await clickRepeatedly(page, '#apply-coupon', 4, 120);
    await page.waitForTimeout(1200);
    await page.evaluate(() => window.friction.flush());
    for (let waited = 0; waited < 10000 && suite.collector.storedBatches() === before; waited += 250) await page.waitForTimeout(250);
  });
  return { compiled, sent: suite.collector.storedBatches() > before };
}

test('a page reached from another page of the site starts no codec worker: its process has the codec compiled', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  await page.addInitScript(watchInstantiate);
  const seen = watchPage(page);
  const workers = watchWorkers(page);
  const codecWorkers = () => workers.filter((worker) => CODEC_WARMER.test(worker.url)).length;
  await page.goto(`${suite.collector.base}${PRODUCT_PAGE}`);
  const first = await compiledToSendABatch(page);
  assert.equal(codecWorkers(), 1, 'the first page compiles the codec in a worker');

  // The page's own navigation: a same-origin referrer, as a link gives.
  const url = `${suite.collector.base}${PRODUCT_PAGE}?again`;
  await Promise.all([page.waitForURL(url), page.evaluate((href) => { location.href = href; }, url)]);
  const next = await compiledToSendABatch(page);
  assert.deepEqual(await page.evaluate(() => window.instantiatedFrom), ['bytes'], 'the next page instantiates the codec from its bytes');
  assert.equal(codecWorkers(), 1, `no codec worker for the next page: ${JSON.stringify(workers)}`);
  assert.ok(first.sent && next.sent, `both pages' batches reached the collector; the page said:\n${seen.console.join('\n')}`);
  assert.ok(first.compiled > 0, 'the trace sees the functions the first page compiled');
  assert.ok(next.compiled <= Math.min(10, first.compiled), `the next page finds the codec's functions compiled: ${next.compiled} compiled on its main thread, ${first.compiled} on the first page`);
  assert.deepEqual(sdkMessages(seen), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
