// Scroll thrash inside a scroll container, in real Chromium: a terms box searched up and down with
// the mouse wheel is thrash, named by the box; reading it steadily, or swiping a carousel back
// and forth, is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceInput, traceOf } from '../corpus/run_corpus.mjs';
import { newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();

async function openTerms() {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.addInitScript(traceInput); // what the page saw, told if a detection does not come
  await page.goto(`${suite.collector.base}/shop/terms.html`);
  await page.evaluate(() => window.friction.ready);
  await page.evaluate(() => {
    window.detected = [];
    window.addEventListener('friction:detected', (event) => window.detected.push(event.detail));
  });
  return { page, seen };
}

async function pointAt(page, selector) {
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

const scrollTopOf = (page, selector) => page.locator(selector).evaluate((el) => el.scrollTop);

test('searching a terms box up and down with the wheel is scroll thrash, told with the box', async () => {
  const { page, seen } = await openTerms();
  await pointAt(page, '#terms-box');
  for (const delta of [700, -500, 500, -500, 500, -500]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(250);
  }
  assert.ok(await scrollTopOf(page, '#terms-box') > 0, 'the wheel scrolled the box');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the window did not move');
  await page.waitForFunction(() => window.detected.some((d) => d.kind === 'scroll_thrash'), null, { timeout: 10000 })
    .catch(async (error) => assert.fail(`${error.message}\nthe page saw: ${await traceOf(page)}`));
  const thrash = await page.evaluate(() => window.detected.filter((d) => d.kind === 'scroll_thrash'));
  assert.equal(thrash.length, 1);
  assert.equal(thrash[0].target.label, 'Terms of sale');
  assert.equal(thrash[0].target.tag, 'div');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('reading the terms box top to bottom, with one look back, is not thrash', async () => {
  const { page, seen } = await openTerms();
  await pointAt(page, '#terms-box');
  for (let notch = 0; notch < 16; notch++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(200);
    if (notch === 8) {
      await page.mouse.wheel(0, -300); // back to the clause that mattered
      await page.waitForTimeout(600);
    }
  }
  assert.ok(await scrollTopOf(page, '#terms-box') >= 1200, 'the reader went down the box');
  await page.waitForTimeout(1000);
  // Only scroll thrash is this test's: the pointer resting over the focusable box for seconds
  // may be hesitation, that detector's call.
  assert.deepEqual(await page.evaluate(() => window.detected.filter((d) => d.kind === 'scroll_thrash')), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('swiping a carousel back and forth is browsing, not thrash', async () => {
  const { page, seen } = await openTerms();
  await pointAt(page, '#carousel');
  for (let swipe = 0; swipe < 8; swipe++) {
    await page.mouse.wheel(swipe % 2 ? -400 : 600, 0);
    await page.waitForTimeout(250);
  }
  assert.ok(await page.locator('#carousel').evaluate((el) => el.scrollLeft) > 0, 'the carousel moved');
  await page.waitForTimeout(1000);
  assert.deepEqual(await page.evaluate(() => window.detected.map((d) => d.kind)), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the window still thrashes on its own, told with the page as its element', async () => {
  const { page } = await openTerms();
  await page.mouse.move(20, 20);
  for (const delta of [600, -400, 400, -400, 400, -400]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(250);
  }
  await page.waitForFunction(() => window.detected.some((d) => d.kind === 'scroll_thrash'), null, { timeout: 10000 })
    .catch(async (error) => assert.fail(`${error.message}\nthe page saw: ${await traceOf(page)}`));
  const thrash = await page.evaluate(() => window.detected.find((d) => d.kind === 'scroll_thrash'));
  assert.deepEqual(thrash.target, { role: 'page', tag: 'html' });
  await page.close();
});
