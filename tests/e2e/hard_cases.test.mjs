// Hard cases that need the real browser: per-element opt-out, and SPA route changes as steps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();

async function openProduct() {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.goto(`${suite.collector.base}/product/8812`);
  await page.evaluate(() => window.friction.ready);
  await page.evaluate(() => {
    window.detected = [];
    window.addEventListener('friction:detected', (event) => window.detected.push(event.detail));
  });
  return { page, seen };
}

test('data-friction-ignore turns detection off for an element and its subtree', async () => {
  const { page, seen } = await openProduct();
  await page.evaluate(() => document.getElementById('coupon-form').setAttribute('data-friction-ignore', ''));
  await clickRepeatedly(page, '#apply-coupon', 5, 120);
  await page.waitForTimeout(3000);
  assert.deepEqual(await page.evaluate(() => window.detected), []);
  // The same clicks without the attribute are rage: the opt-out is what made the difference.
  await page.evaluate(() => document.getElementById('coupon-form').removeAttribute('data-friction-ignore'));
  await clickRepeatedly(page, '#apply-coupon', 5, 120);
  await page.waitForFunction(() => window.detected.length > 0);
  assert.equal(await page.evaluate(() => window.detected[0].kind), 'rage_click');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an SPA route change (pushState) is a new step, templated', async () => {
  const { page } = await openProduct();
  await page.evaluate(() => history.pushState({}, '', '/orders/558812/track?token=abc'));
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForFunction(() => window.detected.length > 0);
  const detail = await page.evaluate(() => window.detected[0]);
  assert.equal(detail.kind, 'rage_click');
  assert.equal(detail.step, '/orders/:id/track');
  await page.close();
});

test('an SPA U-turn (pushState then back) is a quick back on the step left', async () => {
  const { page } = await openProduct();
  await page.evaluate(() => history.pushState({}, '', '/product/8812/reviews'));
  await page.waitForTimeout(500);
  await page.goBack();
  await page.waitForFunction(() => window.detected.length > 0);
  const detail = await page.evaluate(() => window.detected[0]);
  assert.equal(detail.kind, 'quick_back');
  assert.equal(detail.step, '/product/:id/reviews');
  assert.deepEqual(detail.target, { role: 'page', tag: 'html' });
  await page.close();
});
