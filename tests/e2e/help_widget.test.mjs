// The default help widget and the hand-off to a person, in Chromium on the demo shop: the rage
// click on the broken coupon button is offered help that names the problem, clear of the button
// and without taking focus; "No thanks" holds; "Talk to a person" asks its one question and
// sends exactly what the answer allows; the reference reaches the shop's chat and the agent view.
// Screenshots of each state go to build/screenshots/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, root, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();
const SCREENSHOTS = join(root, 'build/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const AXE_SOURCE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const BOX = 'friction-help section.box';
const REFERENCE = /\b[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}\b/;

const shot = (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

// The product page for a visitor who refused signals, with what it posts recorded.
async function productPage(options = {}, settings = null) {
  const page = await newAnsweredPage(suite.browser, { viewport: { width: 1280, height: 800 }, ...options });
  if (settings) await withScriptSettings(page.context(), settings);
  const seen = watchPage(page);
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push({ url: request.url(), body: request.postData() });
  });
  await page.route('**/__test__/axe.min.js', (route) => route.fulfill({ body: AXE_SOURCE, contentType: 'text/javascript' }));
  await page.goto(`${suite.collector.base}/product/8812?coupon=SECRET42`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  return { page, seen, posts };
}

async function rageOnCoupon(page) {
  await page.fill('#coupon-code', 'SECRET42');
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.locator(BOX).waitFor({ state: 'visible' });
}

const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('the rage click is offered help that names the problem, clear of the button, without taking focus', async () => {
  const { page, seen, posts } = await productPage();
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  assert.match(await box.locator('h2').textContent(), /Coupon not applying\?/);
  assert.equal(await box.locator('.why').textContent(), '“Apply coupon” did not respond to your clicks.');
  assert.equal(await page.locator('friction-help [role="status"]').textContent(),
    'Coupon not applying? “Apply coupon” did not respond to your clicks.', 'said once, politely, without the buttons');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'apply-coupon', 'focus stays where the visitor has it');
  assert.ok(!overlap(await box.boundingBox(), await page.locator('#apply-coupon').boundingBox()), 'the widget does not cover the button');
  // The button moves to the bottom right corner, where help usually sits: the widget follows
  // to the opposite corner.
  await page.evaluate(() => {
    Object.assign(document.getElementById('apply-coupon').style, { position: 'fixed', right: '24px', bottom: '24px' });
    window.dispatchEvent(new Event('resize'));
  });
  assert.ok(!overlap(await box.boundingBox(), await page.locator('#apply-coupon').boundingBox()), 'still clear after the button moved');
  assert.deepEqual(await box.evaluate((element) => [...element.classList].sort()), ['box', 'left', 'top']);
  await page.evaluate(() => {
    document.getElementById('apply-coupon').style.position = '';
    window.dispatchEvent(new Event('resize'));
  });
  await shot(page, 'help-offer');

  await page.addScriptTag({ url: '/__test__/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('friction-help'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(violations, [], 'axe-core on the widget');

  // "No thanks" closes it, and the core holds it: more trouble on this step is not offered again.
  await page.evaluate(() => {
    window.offers = 0;
    window.friction.on('help', () => window.offers++);
  });
  await box.getByRole('button', { name: 'No thanks' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await box.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'apply-coupon', 'focus goes back where it was');
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await clickRepeatedly(page, '#compare', 3, 120);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.offers), 0, 'no new offer on this step after a dismissal');
  assert.equal(await box.isVisible(), false);
  assert.deepEqual(posts, [], 'nothing left the browser: consent is "none" and no person was asked for');
  assert.deepEqual(seen.errors.filter((e) => !e.includes('compare')), []);
  await page.close();
});

test('"No thanks" holds on the next page of the same step in this tab; another step is offered help', async () => {
  const { page } = await productPage();
  await rageOnCoupon(page);
  await page.locator(BOX).getByRole('button', { name: 'No thanks' }).click();
  await page.goto(`${suite.collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.evaluate(() => {
    window.offers = [];
    window.friction.on('help', (offer) => window.offers.push(offer.cause));
  });
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForTimeout(400);
  assert.deepEqual(await page.evaluate(() => window.offers), [], 'the dismissal outlived the page');
  await page.goto(`${suite.collector.base}/checkout`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  for (let i = 0; i < 3; i++) {
    await page.click('#place-order');
    await page.waitForTimeout(900);
  }
  await page.locator(BOX).waitFor({ state: 'visible' });
  assert.match(await page.locator(`${BOX} h2`).textContent(), /Trouble with the form\?/);
  // The help memory, and the form this tab just sent (a refused send counts on the next page).
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).sort()), ['friction:forms', 'friction:help'],
    'only the help memory and the forms just sent, in this tab');
  await page.close();
});

test('"Talk to a person" with a yes sends the journey summary and nothing else; the reference reaches the chat and the agent', async () => {
  const { page, posts } = await productPage();
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  await box.getByRole('button', { name: 'Talk to a person' }).click();
  assert.match(await box.textContent(), /Share a summary of your visit/);
  assert.equal(await page.evaluate(() => document.querySelector('friction-help').shadowRoot.activeElement?.textContent), 'Yes, share it',
    'after the visitor chose to ask, the question has the focus');
  await shot(page, 'help-ask-to-share');
  await box.getByRole('button', { name: 'Yes, share it' }).click();
  await box.locator('.reference').waitFor();
  const reference = (await box.locator('.reference').textContent()).match(REFERENCE)[0];
  assert.match(await box.textContent(), /they already know what happened/);
  await shot(page, 'help-reference');

  assert.deepEqual(posts.map((p) => new URL(p.url).pathname), ['/v1/handoff'], 'one request: the hand-off');
  const sent = JSON.parse(posts[0].body);
  assert.deepEqual(Object.keys(sent), ['v', 'site', 'summary']);
  assert.equal(sent.site, 'demo');
  const step = sent.summary.steps.at(-1);
  assert.equal(step.step, '/product/:id');
  assert.equal(step.met.rage_click, 1);
  for (const secret of ['8812', 'SECRET42', 'coupon', 'Apply']) assert.ok(!posts[0].body.includes(secret), secret);

  assert.match(await page.locator('#chat-text').textContent(), new RegExp(`reference ${reference} and the summary`), "the shop's chat has it");
  const agent = await page.context().newPage();
  await agent.goto(suite.collector.viewUrl('/agent'));
  const entry = agent.locator('article, li, tr', { hasText: reference }).first();
  assert.match(await entry.textContent(), /\/product\/:id/);
  assert.match(await entry.textContent(), /rage click ×1/);
  await agent.screenshot({ path: join(SCREENSHOTS, 'agent-view.png') });
  await agent.close();
  await page.close();
});

test('a visitor who accepted signals: the summary covers the pages before this one; a refuser\'s only this page', async () => {
  const summaryAfterTwoPages = async (level) => {
    const page = await newAnsweredPage(suite.browser, {}, { level });
    const posts = [];
    page.on('request', (request) => request.url().endsWith('/v1/handoff') && posts.push(request.postData()));
    await page.goto(`${suite.collector.base}/`);
    assert.equal(await page.evaluate(() => window.friction.ready), true);
    await page.waitForTimeout(300);
    await page.goto(`${suite.collector.base}/product/8812`);
    assert.equal(await page.evaluate(() => window.friction.ready), true);
    await rageOnCoupon(page);
    await page.locator(BOX).getByRole('button', { name: 'Talk to a person' }).click();
    await page.locator(BOX).getByRole('button', { name: 'Yes, share it' }).click();
    await page.locator(`${BOX} .reference`).waitFor();
    await page.close();
    return JSON.parse(posts[0]).summary.steps.map((step) => step.step);
  };
  assert.deepEqual(await summaryAfterTwoPages('signals'), ['/', '/product/:id']);
  assert.deepEqual(await summaryAfterTwoPages('none'), ['/product/:id'], 'nothing of the journey was kept across pages without consent');
});

test('"Talk to a person" with a no still reaches a person, without any summary', async () => {
  const { page, posts } = await productPage();
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  await box.getByRole('button', { name: 'Talk to a person' }).click();
  await box.getByRole('button', { name: 'No, connect me without it' }).click();
  await box.locator('.reference').waitFor();
  const reference = (await box.locator('.reference').textContent()).match(REFERENCE)[0];
  assert.match(await box.textContent(), /Your visit summary was not shared/);
  assert.equal(posts.length, 1);
  assert.deepEqual(JSON.parse(posts[0].body), { v: 1, site: 'demo', summary: null });
  const agent = await page.context().newPage();
  await agent.goto(suite.collector.viewUrl('/agent'));
  const entry = agent.locator('article, li, tr', { hasText: reference }).first();
  assert.doesNotMatch(await entry.textContent(), /\/product\/:id/);
  await agent.close();
  await page.close();
});

test('a hand-off the collector cannot take yet: the widget says so, and "Try again" gets the reference', async () => {
  const { page } = await productPage();
  let refused = 0;
  await page.route('**/v1/handoff', (route) => (refused++ === 0 ? route.fulfill({ status: 503, body: '{"error":"down"}' }) : route.continue()));
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  await box.getByRole('button', { name: 'Talk to a person' }).click();
  await box.getByRole('button', { name: 'No, connect me without it' }).click();
  await box.getByRole('button', { name: 'Try again' }).waitFor();
  assert.match(await box.textContent(), /We could not reach anyone just now/);
  await box.getByRole('button', { name: 'Try again' }).click();
  await box.locator('.reference').waitFor();
  assert.match(await box.locator('.reference').textContent(), REFERENCE);
  assert.equal(refused, 2);
  await page.close();
});

test('in French, on a phone, with reduced motion: the widget speaks French, fits and does not move', async () => {
  const { page } = await productPage({ viewport: { width: 375, height: 740 }, reducedMotion: 'reduce' }, { 'data-lang': 'fr' });
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  assert.equal(await box.locator('.why').textContent(), '« Apply coupon » n’a pas réagi à vos clics.');
  assert.equal(await box.getByRole('button', { name: 'Non merci' }).count(), 1);
  assert.equal(await box.evaluate((element) => getComputedStyle(element).animationName), 'none');
  const rect = await box.boundingBox();
  assert.ok(rect.x >= 0 && rect.x + rect.width <= 375, 'fits the width');
  assert.ok(!overlap(rect, await page.locator('#apply-coupon').boundingBox()));
  await shot(page, 'help-offer-fr-phone');
  await page.close();
});

test('help-ui="off": no widget; the site renders help itself from friction.on("help")', async () => {
  const { page } = await productPage({}, { 'data-help-ui': 'off' });
  await page.evaluate(() => {
    window.offers = [];
    window.friction.on('help', (offer) => window.offers.push(offer.cause));
  });
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForFunction(() => window.offers.length === 1);
  assert.equal(await page.locator('friction-help').count(), 0);
  await page.close();
});
