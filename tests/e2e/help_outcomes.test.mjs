// "Did help work", in Chromium on the demo shop: a visitor who agreed to signals is offered
// help for the broken coupon button, opens it, closes it and answers "Did this solve it?" yes;
// the batches on the wire carry offered, opened and solved for that step and kind, and, after
// the next page of the tab, moved_on_after_opening once. The question is asked once per tab
// session. Under notice-only consent (no answer yet) help still works, and no help event
// leaves the browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();
const BOX = 'friction-help section.box';
// No quiet time between offers on a step: the second offer of the test comes at once.
const SETTINGS = { 'data-thresholds': 'help.repeat_after_ms=0; help.quiet_after_dismiss_ms=0' };

// Every batch the context posts, decoded as the collector decodes it.
function wireOf(context) {
  const wire = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/v1/signals') && request.method() === 'POST') wire.push(JSON.parse(decodeFrame(request.postDataBuffer())));
  });
  return wire;
}

const helpOn = (wire) => wire.flatMap((batch) => (batch.help || []).map((e) => `${e.step} ${e.kind} ${e.event}`));

async function waitFor(condition, what) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(condition(), what);
}

// The coupon's help, with an action of the site's own: using it opens the help.
async function productWithOwnAction(page) {
  await page.goto(`${suite.collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.evaluate(() => {
    for (const selector of ['#apply-coupon', '#compare'])
      window.friction('help-register', selector, { title: 'Not working?', text: 'Try this.', actions: [{ label: 'Show me how', onSelect() {} }] });
  });
}

async function rageOnCoupon(page) {
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.locator(BOX).waitFor({ state: 'visible' });
}

test('opened, closed, "Did this solve it?" yes: offered, opened, solved on the wire; moved on told once on the next page', async () => {
  const page = await newAnsweredPage(suite.browser, { viewport: { width: 1280, height: 800 } }, { level: 'signals' });
  await withScriptSettings(page.context(), SETTINGS);
  const seen = watchPage(page);
  const wire = wireOf(page.context());
  await productWithOwnAction(page);
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  const button = page.locator('#apply-coupon');
  const before = await button.boundingBox();
  await box.getByRole('button', { name: 'Show me how' }).click();
  await box.getByRole('button', { name: 'Close help' }).click();
  // In place of the help, in its fixed box: nothing on the page moves. The keyboard is on the
  // first answer.
  assert.equal(await box.locator('p').textContent(), 'Did this solve it?');
  assert.deepEqual(await button.boundingBox(), before, 'no layout shift');
  assert.equal(await page.evaluate(() => document.querySelector('friction-help').shadowRoot.activeElement?.textContent), 'Yes');
  await page.keyboard.press('Enter');
  assert.equal(await box.isVisible(), false);
  assert.equal(await page.locator('friction-help [role="status"]').textContent(), 'Thank you for telling us.');

  // Never twice in this tab session: the next offer (compare throws) opened and closed is not
  // followed by it.
  await clickRepeatedly(page, '#compare', 1, 120);
  await box.waitFor({ state: 'visible' });
  await box.getByRole('button', { name: 'Show me how' }).click();
  await box.getByRole('button', { name: 'Close help' }).click();
  assert.equal(await box.isVisible(), false, 'asked once per tab session');

  await page.evaluate(() => window.friction('flush'));
  await waitFor(() => helpOn(wire).includes('/product/:id rage_click solved'), 'the answer reaches the wire');
  assert.deepEqual(helpOn(wire), [
    '/product/:id rage_click offered', '/product/:id rage_click opened', '/product/:id rage_click solved',
    '/product/:id error_click offered', '/product/:id error_click opened',
  ]);

  // What the panel promises, to the letter: a step template, the kind, the event; nothing else.
  for (const event of wire.flatMap((batch) => batch.help || [])) assert.deepEqual(Object.keys(event).sort(), ['event', 'kind', 'step']);

  // The next page of the tab: both offers saw the visitor move on, each told once.
  await page.goto(`${suite.collector.base}/checkout`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.evaluate(() => window.friction('flush'));
  await waitFor(() => helpOn(wire).filter((e) => e.endsWith('moved_on_after_opening')).length === 2, 'moved on, on the wire');
  await page.goto(`${suite.collector.base}/`);
  await page.evaluate(() => window.friction('flush'));
  await page.waitForTimeout(500);
  assert.equal(helpOn(wire).filter((e) => e.includes('moved_on')).length, 2, 'told once, not again on later pages');
  assert.deepEqual(seen.errors.filter((e) => !/compare/.test(e)), []);

  // The receipt tells the visitor each help event that left, in words.
  await page.locator('friction-privacy-button button').click();
  await page.locator('friction-consent-panel dialog[open]').waitFor();
  await page.locator('friction-consent-panel dialog .more button').click();
  await page.locator('friction-consent-panel dialog .batches').waitFor();
  const receipt = await page.locator('friction-consent-panel dialog').innerText();
  for (const line of ['Help about rage click, page /product/:id: offered.', 'Help about rage click, page /product/:id: you said it solved it.',
    'Help about click followed by an error, page /product/:id: you opened it.',
    'Help about rage click, page /product/:id: you opened it, then went on to another page.'])
    assert.ok(receipt.includes(line), `the receipt says: ${line}`);

  // The collector took them: summed per day, offered twice.
  await waitFor(() => suite.collector.query("SELECT COALESCE(SUM(count), 0) AS n FROM help_days WHERE event = 'offered'")[0].n === 2,
    'stored at the collector');
  await page.close();
});

test('under notice-only consent help still works, and no help event leaves the browser', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await withScriptSettings(context, { 'data-consent': 'notice', 'data-consent-ui': 'manual', ...SETTINGS });
  const page = await context.newPage();
  const wire = wireOf(context);
  await productWithOwnAction(page);
  await rageOnCoupon(page);
  const box = page.locator(BOX);
  await box.getByRole('button', { name: 'Show me how' }).click();
  await box.getByRole('button', { name: 'Close help' }).click();
  assert.equal(await box.isVisible(), false, 'no question whose answer would not be kept');
  // Another step (a route of this page): the tally of the product page is sent, nothing else.
  await page.evaluate(() => history.pushState({}, '', '/checkout'));
  await page.evaluate(() => window.friction('flush'));
  await waitFor(() => wire.length > 0, 'the tallies notice mode sends');
  await page.waitForTimeout(300);
  assert.ok(wire.some((batch) => batch.visits.some((visit) => visit.step === '/product/:id')));
  assert.ok(wire.every((batch) => !('help' in batch)), 'no help events without signals consent');
  assert.ok(!(await page.evaluate(() => sessionStorage.getItem('friction:help') || '')).includes('#outcomes'),
    'no pending offer kept in the tab either');
  await context.close();
});
