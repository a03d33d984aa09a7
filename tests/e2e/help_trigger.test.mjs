// Help in context, in the browser: the rage click on the demo's broken button is offered help
// at once (friction:help and friction.on('help')), under consent "none" too, and only once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();

test('a rage click is offered help once, naming the step, the element and why, with nothing sent', async () => {
  const page = await newAnsweredPage(suite.browser); // consent "none"
  const seen = watchPage(page);
  const posts = [];
  page.on('request', (request) => request.url().endsWith('/v1/signals') && posts.push(request.url()));
  await page.goto(`${suite.collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  const registered = await page.evaluate(() => {
    const results = [
      window.friction.help.register('rage_click', { title: 'Something is not working' }),
      window.friction.help.register('/product/:id', { title: 'Help with this product' }),
      window.friction.help.register('#coupon-form button', {
        title: 'The coupon button is broken',
        text: 'We are fixing it. A person can apply your coupon.',
        actions: [{ label: 'Talk to a person', person: true }, { label: 'Coupon terms', href: '/help#coupons' }],
      }),
      window.friction.help.register('#nowhere', { title: 'Never shown' }),
      window.friction.help.register('div[', { title: 'A broken selector' }),
      window.friction.help.register('/checkout', { text: 'No title' }),
    ];
    return results.map((result) => typeof result);
  });
  assert.deepEqual(registered, ['function', 'function', 'function', 'function', 'object', 'object'], 'bad registrations return null');
  await page.evaluate(() => {
    window.offers = [];
    window.heard = [];
    window.addEventListener('friction:help', (event) => window.offers.push(event.detail));
    window.friction.on('help', (detail) => window.heard.push(detail));
    window.detections = [];
    window.addEventListener('friction:detected', (event) => window.detections.push(event.detail));
  });
  assert.equal(await page.evaluate(() => window.friction.score()), 0, 'a calm step scores 0');

  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForFunction(() => window.offers.length >= 1);
  const [offer] = await page.evaluate(() => window.offers);
  assert.equal(offer.step, '/product/:id');
  assert.equal(offer.cause, 'rage_click');
  assert.equal(offer.reason, 'kind');
  assert.deepEqual(offer.kinds, ['rage_click']);
  assert.equal(offer.target.role, 'button');
  assert.equal(offer.target.label, 'Apply coupon');
  assert.ok(offer.score > 0);
  // The most specific registration: the element's, over the step's and the kind's.
  assert.equal(offer.content.title, 'The coupon button is broken');
  assert.deepEqual(offer.content.actions.map((action) => action.label), ['Talk to a person', 'Coupon terms']);
  assert.deepEqual(await page.evaluate(() => window.heard), [offer], 'friction.on("help") hears the same');
  const detection = (await page.evaluate(() => window.detections)).find((d) => d.kind === 'rage_click');
  assert.equal(detection.stepScore, offer.score);
  assert.ok((await page.evaluate(() => window.friction.score())) > 0);

  // Never nagging: more trouble on the same step right after is not offered help again.
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.offers.length), 1);
  // The SDK's widget shows the content registered for the element and says why it came.
  const widget = page.locator('friction-help section.box');
  assert.equal(await widget.locator('h2').textContent(), 'The coupon button is broken');
  assert.equal(await widget.locator('.why').textContent(), '“Apply coupon” did not respond to your clicks.');

  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(200);
  assert.deepEqual(posts, [], 'help needs nothing to leave the browser');
  assert.deepEqual(seen.errors.filter((e) => !e.includes('compare')), []);
  await page.close();
});
