// "Open on the page": the dashboard's link opens a page of the site with #friction-find=<hash>,
// and the SDK there outlines the element whose keyed hash it is, in real headless Chromium.
// The hash is the one the collector stored for a real rage click; the finder sends nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();

// The keyed hash the collector stored for rage clicks on the product page's coupon button.
async function couponButtonHash() {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  await page.goto(`${suite.collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await clickRepeatedly(page, '#apply-coupon', 4, 150);
  const stored = page.waitForResponse((r) => r.url().endsWith('/v1/signals'));
  await page.waitForTimeout(200);
  await page.evaluate(() => window.friction.flush());
  assert.equal((await stored).status(), 202);
  await page.close();
  const rows = suite.collector.query("SELECT DISTINCT target FROM signals WHERE kind = 'rage_click'");
  assert.equal(rows.length, 1);
  assert.match(rows[0].target, /^[0-9a-f]{16}$/);
  return rows[0].target;
}

// What the finder shows: its status line and its visible outlines, in viewport coordinates.
function finderState(page) {
  return page.evaluate(() => {
    const finder = document.querySelector('friction-finder');
    if (!finder) return null;
    const outlines = [...finder.shadowRoot.querySelectorAll('.outline')].filter((box) => !box.hidden);
    return {
      status: finder.shadowRoot.querySelector('[role=status]').textContent,
      outlines: outlines.map((box) => ({ ...box.getBoundingClientRect().toJSON(), tag: box.textContent })),
    };
  });
}

const rectOf = (page, selector) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().toJSON(), selector);

test('the finder outlines the element whose hash the collector stored, and sends nothing', async () => {
  const hash = await couponButtonHash();
  // A visitor who agreed to signals: whatever the finder did would have a way out, and does not.
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  const seen = watchPage(page);
  const bodies = [];
  page.on('request', (request) => {
    if (request.url().startsWith(suite.collector.base) && request.method() === 'POST') bodies.push(request.postDataBuffer());
  });
  await page.goto(`${suite.collector.base}/product/8812#friction-find=${hash}&friction-kind=rage_click`);
  await page.waitForFunction(() => {
    const finder = document.querySelector('friction-finder');
    return finder && finder.shadowRoot.querySelector('.outline');
  }, null, { timeout: 5000 });
  await page.waitForTimeout(100); // one animation frame to place it

  const state = await finderState(page);
  assert.equal(state.outlines.length, 1, 'one element has this hash on the page');
  const button = await rectOf(page, '#apply-coupon');
  for (const side of ['left', 'top', 'width', 'height'])
    assert.ok(Math.abs(state.outlines[0][side] - button[side]) < 1, `outline ${side} ${state.outlines[0][side]} vs ${button[side]}`);
  assert.equal(state.outlines[0].tag, 'button · “Apply coupon” · rage click');
  assert.match(state.status, /this is the element of the problem/);
  assert.match(state.status, /nothing was sent/);

  // The outline follows the page as it scrolls.
  await page.evaluate(() => window.scrollBy(0, 60));
  await page.waitForTimeout(100);
  const moved = await finderState(page);
  const buttonNow = await rectOf(page, '#apply-coupon');
  assert.ok(Math.abs(moved.outlines[0].top - buttonNow.top) < 1, 'the outline moved with the button');

  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(300);
  for (const body of bodies) {
    const json = decodeFrame(body);
    assert.ok(!json.includes(hash), 'the hash asked for is not in what was sent');
    assert.ok(!json.includes('friction-find') && !json.includes('Apply coupon'));
    assert.deepEqual(JSON.parse(json).signals, [], 'finding an element is not friction');
  }

  // Close, by keyboard.
  await page.evaluate(() => document.querySelector('friction-finder').shadowRoot.querySelector('button').focus());
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('friction-finder')), null);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an element that appears later is found then; a hash with no element says so', async () => {
  const hash = await couponButtonHash();
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.goto(`${suite.collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  // The button is not there yet (as in a menu not opened): the finder says so and keeps looking.
  await page.evaluate(() => {
    const button = document.querySelector('#apply-coupon');
    window.parked = { button, parent: button.parentElement, next: button.nextSibling };
    button.remove();
  });
  await page.evaluate((h) => (location.hash = `friction-find=${h}`), hash);
  await page.waitForFunction(() => /no element of this page matches/.test(
    document.querySelector('friction-finder')?.shadowRoot.querySelector('[role=status]').textContent || ''), null, { timeout: 5000 });
  assert.equal((await finderState(page)).outlines.length, 0);

  await page.evaluate(() => window.parked.parent.insertBefore(window.parked.button, window.parked.next));
  await page.waitForFunction(() => document.querySelector('friction-finder').shadowRoot.querySelectorAll('.outline').length === 1,
    null, { timeout: 5000 });
  const state = await finderState(page);
  assert.equal(state.outlines[0].tag, 'button · “Apply coupon”', 'no kind asked, none shown');

  // A hash no element has, and a malformed request: nothing outlined, no error.
  await page.evaluate(() => (location.hash = 'friction-find=0000000000000000'));
  await page.waitForFunction(() => /no element of this page matches/.test(
    document.querySelector('friction-finder')?.shadowRoot.querySelector('[role=status]').textContent || ''), null, { timeout: 5000 });
  await page.evaluate(() => (location.hash = 'friction-find=<script>'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.querySelector('friction-finder')), null);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
