// One friction, end to end: a person rage-clicks the planted dead "Apply coupon" button on the
// demo shop, in real headless Chromium, served by the real collector.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { clickRepeatedly, closeAndLetBeaconsLand, newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

// Things on the page, in the URL or typed by the user that must never leave the browser.
const TYPED_SECRET = 'TYPED-SECRET-4242';
const NEVER_SENT = [TYPED_SECRET, 'SPRINGSALE', 'reviews', '8812', 'Aurora', 'Wool', 'Coupon code',
  'Apply coupon', 'apply-coupon', 'coupon-form', 'Shetland'];

const suite = useCollectorAndBrowser();

async function openProductPage({ level = 'none' } = {}) {
  const page = await newAnsweredPage(suite.browser, {}, { level });
  const seen = watchPage(page);
  const bodies = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/signals') && request.method() === 'POST') bodies.push(request.postDataBuffer());
  });
  await page.goto(`${suite.collector.base}/product/8812?coupon=SPRINGSALE#reviews`);
  assert.equal(await page.evaluate(() => window.friction.ready), true, 'the SDK started');
  await page.evaluate(() => {
    window.detected = [];
    window.addEventListener('friction:detected', (event) => window.detected.push(event.detail));
    window.friction.on('friction', (detail) => (window.fromCallback = detail));
  });
  return { page, seen, bodies };
}

test('rage clicks reach the page at once and, with consent, the collector anonymised', async () => {
  const { page, seen, bodies } = await openProductPage();
  await page.evaluate(() => window.friction.consent.set('signals'));
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'signals');
  await page.fill('#coupon-code', TYPED_SECRET);
  await clickRepeatedly(page, '#apply-coupon', 4, 150);

  await page.waitForFunction(() => window.detected.length > 0, null, { timeout: 3000 });
  const [detail] = await page.evaluate(() => window.detected);
  assert.equal(detail.kind, 'rage_click');
  assert.equal(detail.step, '/product/:id');
  assert.deepEqual(detail.target, { role: 'button', tag: 'button', label: 'Apply coupon' });
  assert.equal(detail.score, 0.5);
  assert.ok(detail.at > 0 && detail.at < 60000, `page-relative time, got ${detail.at}`);
  assert.deepEqual(await page.evaluate(() => window.fromCallback), detail);
  await page.locator('friction-help section.box').waitFor({ state: 'visible', timeout: 3000 }); // help offered in context

  const response = page.waitForResponse((r) => r.url().endsWith('/v1/signals'));
  await page.evaluate(() => window.friction.flush());
  assert.equal((await response).status(), 202);

  assert.equal(bodies.length, 1);
  const body = bodies[0];
  assert.deepEqual([...body.subarray(0, 4)], [0x28, 0xb5, 0x2f, 0xfd], 'the body is a zstd frame');
  const json = decodeFrame(body);
  for (const secret of NEVER_SENT) assert.ok(!json.includes(secret), `"${secret}" left the browser`);
  const batch = JSON.parse(json);
  assert.equal(batch.signals.length, 1);
  assert.equal(batch.signals[0].count, 4);

  const rows = suite.collector.query("SELECT kind, step, role, count, target FROM signals WHERE site = 'demo'");
  assert.equal(rows.length, 1);
  assert.deepEqual({ ...rows[0], target: undefined }, { kind: 'rage_click', step: '/product/:id', role: 'button', count: 4, target: undefined });
  assert.match(rows[0].target, /^[0-9a-f]{16}$/);

  const dashboard = await page.goto(suite.collector.viewUrl('/dashboard'));
  assert.equal(dashboard.status(), 200);
  const text = await page.textContent('body');
  // One page view is fewer than the dashboard's k = 5: counted, not shown.
  assert.match(text, /1 problem with fewer than 5 page views is not shown \(privacy\)\./);
  assert.ok(!text.includes(rows[0].target.slice(0, 8)), 'a single visitor\'s problem is not on the page');

  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('without consent friction is still detected locally but nothing is sent', async () => {
  const { page, seen, bodies } = await openProductPage();
  const storedBefore = suite.collector.storedBatches();
  await page.evaluate(() => localStorage.clear());
  await page.evaluate(() => window.friction.consent.set('none'));
  await clickRepeatedly(page, '#apply-coupon', 3, 150);
  await page.waitForFunction(() => window.detected.length > 0, null, { timeout: 3000 });
  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(300);
  assert.deepEqual(bodies, []);
  await closeAndLetBeaconsLand(page); // pagehide: the beacon path
  assert.equal(suite.collector.storedBatches(), storedBefore, 'the collector got nothing, by fetch or beacon');
  assert.deepEqual(seen.errors, []);
});

test('quick single clicks on different things are not rage', async () => {
  // With consent, so that a rage click, had one been seen, would reach the collector.
  const rageStored = () => suite.collector.query(`SELECT
    (SELECT COUNT(*) FROM signals WHERE kind = 'rage_click') +
    (SELECT COALESCE(SUM(said_met), 0) FROM visit_kinds WHERE kind = 'rage_click') AS n`)[0].n;
  const productVisits = () => suite.collector.query("SELECT COALESCE(SUM(visits), 0) AS n FROM visit_totals WHERE step = '/product/:id'")[0].n;
  const { page } = await openProductPage({ level: 'signals' });
  const [rageBefore, visitsBefore] = [rageStored(), productVisits()];
  await page.click('#add-to-cart');
  await page.click('#apply-coupon');
  await page.click('#add-to-cart');
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.detected), []);
  // Leaving ends the visit: its tally goes by beacon, with any signal still waiting.
  await page.goto(`${suite.collector.base}/help`);
  for (let i = 0; i < 60 && productVisits() === visitsBefore; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(productVisits(), visitsBefore + 1, 'the visit reached the collector');
  assert.equal(rageStored(), rageBefore, 'and no rage click with it, as a signal or in its tally');
  await page.close();
});

test('the ES module entry works like the script tag', async () => {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.goto(`${suite.collector.base}/shop/module.html`);
  await page.waitForFunction(() => window.friction && window.friction.version);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await clickRepeatedly(page, '#broken', 3, 120);
  await page.waitForFunction(() => document.getElementById('heard').textContent !== '', null, { timeout: 3000 });
  assert.equal(await page.textContent('#heard'), 'heard rage_click on /shop/:page');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
