// A site in notice mode (data-consent="notice"): before the user answers, only tallies leave
// (one per template and page load), with no identifier and nothing kept on the device; an
// objection stops them at once; Global Privacy Control is an objection; the tallies are
// randomized (unless data-ldp="off") and the collector estimates them back. In real headless Chromium against the real collector.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clickRepeatedly, closeAndLetBeaconsLand, root, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();
const PANEL = 'friction-consent-panel dialog';
// For a person to look at, beside the consent panel's other states.
const SCREENSHOTS = join(root, 'build/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

// A first visit (no receipt) to the demo shop configured in notice mode.
async function noticeVisit({ settings = {}, gpc = false } = {}) {
  const context = await suite.browser.newContext();
  await withScriptSettings(context, { 'data-consent': 'notice', ...settings });
  if (gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const page = await context.newPage();
  const seen = watchPage(page);
  const batches = [];
  context.on('request', (request) => {
    if (!request.url().endsWith('/v1/signals') || request.method() !== 'POST') return;
    batches.push(JSON.parse(decodeFrame(request.postDataBuffer())));
  });
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  return { context, page, seen, batches };
}

const rageClickThenLeaveForCheckout = async (page) => {
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  // Past the dead click's 2.5 s window, whatever the machine's speed: the burst on the dead
  // coupon button is then a rage click and a dead click (the route change does not answer it).
  await page.waitForTimeout(2600);
  await page.evaluate(() => history.pushState({}, '', '/checkout'));
  await page.evaluate(() => window.friction.flush());
};

test('the panel says what is counted until the user answers, and the receipt lists the tallies for this page only', async () => {
  const first = await noticeVisit();
  await first.page.locator(`${PANEL}[open]`).waitFor(); // a notice site asks too
  assert.equal(await first.page.evaluate(() => window.friction.consent.get()), 'counts');
  await first.context.close();

  // The user looks around without answering (closing the panel would be a refusal), then
  // opens it from the Privacy button.
  // Without noise, so that the receipt's line is the rage click itself (privacy_promises.test.mjs
  // holds the scrambled case against the wire).
  const { context, page, seen, batches } = await noticeVisit({ settings: { 'data-consent-ui': 'manual', 'data-ldp': 'off' } });
  await rageClickThenLeaveForCheckout(page);
  await page.waitForFunction(() => window.friction.ledger().length >= 1);
  assert.ok(batches.length >= 1);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored before an answer');

  await page.locator('friction-privacy-button button').click();
  await page.locator(`${PANEL}[open]`).waitFor();
  const asking = await page.locator(PANEL).innerText();
  assert.match(asking, /You have not chosen yet: only anonymous counts per page template are sent\./);
  assert.match(asking, /Until you choose, this site counts the kinds of trouble met on its pages: at most once each time you open a page/);
  assert.match(asking, /Reject stops it at once\./);
  await page.waitForTimeout(400); // past the opening fade, for the picture
  await page.screenshot({ path: join(SCREENSHOTS, 'panel-ask-notice.png') });
  await page.locator(`${PANEL} .more button`).click();
  const receipt = await page.locator(PANEL).innerText();
  assert.match(receipt, /Visit to page \/product\/:id: rage click and click with no effect\./);
  await page.screenshot({ path: join(SCREENSHOTS, 'panel-receipt-notice.png') });
  assert.deepEqual(seen.errors.filter((e) => !e.includes('compare')), []);
  await context.close();
});

test('an objection stops the counting at once: the open visit is not sent, nor any later one', async () => {
  const { context, page, batches } = await noticeVisit({ settings: { 'data-consent-ui': 'manual' } });
  const storedBefore = suite.collector.storedBatches();
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForTimeout(1200);
  await page.evaluate(() => window.friction.consent.set('none'));
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  await page.evaluate(() => history.pushState({}, '', '/checkout'));
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.evaluate(() => window.friction.flush());
  await page.goto(`${suite.collector.base}/product/2`); // a new page of the site: the refusal holds
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  await page.evaluate(() => window.friction.flush());
  await closeAndLetBeaconsLand(page);
  assert.deepEqual(batches, []);
  assert.equal(suite.collector.storedBatches(), storedBefore, 'the collector got nothing, by fetch or beacon');
  await context.close();
});

test('Global Privacy Control on a notice site is an objection: nothing is counted', async () => {
  const { context, page, batches } = await noticeVisit({ gpc: true, settings: { 'data-consent-ui': 'manual' } });
  const storedBefore = suite.collector.storedBatches();
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  await rageClickThenLeaveForCheckout(page);
  await closeAndLetBeaconsLand(page);
  assert.deepEqual(batches, []);
  assert.equal(suite.collector.storedBatches(), storedBefore, 'the collector got nothing, by fetch or beacon');
  await context.close();
});

test('by default the tallies are randomized on the device and the collector stores them apart, by ε', async () => {
  const { context, page, batches } = await noticeVisit({ settings: { 'data-consent-ui': 'manual' } });
  await rageClickThenLeaveForCheckout(page);
  // A full page load ends the checkout visit too; its tally leaves by beacon as the page hides.
  await page.goto(`${suite.collector.base}/help`);
  await context.close();
  assert.ok(batches.length >= 1, JSON.stringify(batches));
  for (const batch of batches) assert.equal(batch.epsilon, 1.0986);
  assert.ok(batches[0].visits.some((visit) => visit.step === '/product/:id'), JSON.stringify(batches));

  // Both visits reach the collector, the second in the beacon sent as the page went away.
  const storedSteps = () => suite.collector.query('SELECT step FROM visit_totals WHERE epsilon = 1.0986').map((row) => row.step);
  for (let i = 0; i < 40 && !storedSteps().includes('/checkout'); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(storedSteps().includes('/product/:id') && storedSteps().includes('/checkout'), storedSteps().join(' '));
  // One visitor's steps are fewer than k = 5 visits: the summary counts them without showing them.
  const summary = await suite.collector.summary();
  assert.equal(summary.visits.find((visit) => visit.step === '/checkout'), undefined);
  assert.ok(summary.hidden_steps >= 2, JSON.stringify(summary));
});
