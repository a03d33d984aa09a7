// The SDK must never break its host page: where a CSP forbids WebAssembly, or the script tag is
// misconfigured, it turns itself off with one readable console message and the page works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();

// Whatever the SDK made of it, the shop's own button still answers and nothing was thrown.
async function assertPageStillWorks(page, seen) {
  await page.click('#add-to-cart');
  assert.equal(await page.textContent('#cart-status'), 'Added to your cart.');
  assert.deepEqual(seen.errors, []);
  await page.close();
}

test("under the documented CSP (script-src 'self' 'wasm-unsafe-eval') the SDK runs", async () => {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  const response = await page.goto(`${suite.collector.base}/product/1`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.console.filter((line) => line.startsWith('error')), []);
  await page.close();
});

for (const level of ['none', 'signals']) test(`a CSP without wasm-unsafe-eval turns the SDK off with one message (a visitor who answered "${level}"); the page still works`, async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level });
  const seen = watchPage(page);
  await page.route('**/product/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" };
    await route.fulfill({ response, headers });
  });
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), false);
  await page.waitForTimeout(500); // anything the SDK would still try (the send chunk, the codec) comes by then
  const ours = seen.console.filter((line) => line.includes('[friction]'));
  assert.equal(ours.length, 1, ours.join('\n'));
  assert.ok(ours[0].includes("'wasm-unsafe-eval'"), ours[0]);
  // Off means off: nothing of the sending side is fetched for a page where the core cannot run.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  assert.deepEqual(fetched.filter((path) => /friction-(send|codec)/.test(path)), []);
  await assertPageStillWorks(page, seen);
});

test('a script tag without data-site says so in the console and does nothing else', async () => {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.route('**/product/*', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replaceAll(' data-site="demo"', '');
    await route.fulfill({ response, body });
  });
  await page.goto(`${suite.collector.base}/product/1`);
  await page.waitForFunction(() => window.friction && window.friction.version);
  assert.ok(seen.console.some((line) => line.includes('data-site')), seen.console.join('\n'));
  await assertPageStillWorks(page, seen);
});

test('a friction.wasm from another build is refused: the SDK stays off, says why, the page works', async () => {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  // friction.js as another build would have it: the same code, another fingerprint of the core's
  // tables (event types, traits, the record's layout).
  const { CORE_TABLES_FINGERPRINT } = await import('../../js/src/generated/core_tables.js');
  await page.route('**/dist/friction.js', async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    assert.ok(script.includes(String(CORE_TABLES_FINGERPRINT)), 'the bundle carries its fingerprint');
    await route.fulfill({ response, body: script.replaceAll(String(CORE_TABLES_FINGERPRINT), String(CORE_TABLES_FINGERPRINT ^ 1)) });
  });
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), false);
  assert.ok(seen.console.some((line) => line.startsWith('error') && line.includes('different builds')), seen.console.join('\n'));
  await assertPageStillWorks(page, seen);
});

test('a friction.wasm that is not the build\'s (a valid module, one section more) is refused by its SHA-256; the page works', async () => {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.route('**/dist/friction.wasm', async (route) => {
    const response = await route.fetch();
    // A custom section named "x", empty: the module still compiles and runs as before.
    const changed = Buffer.concat([await response.body(), Buffer.from([0x00, 0x02, 0x01, 0x78])]);
    await route.fulfill({ response, body: changed });
  });
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), false);
  const refused = seen.console.filter((line) => line.includes('friction.wasm is not the file this friction.js was built with'));
  assert.equal(refused.length, 1, seen.console.join('\n'));
  await assertPageStillWorks(page, seen);
});
