// Issue 14 in real headless Chromium: a button the site named with data-friction-name is
// rage-clicked on the demo shop; the batch on the wire carries the cleaned name, the device
// class the browser measured, and "first" on the first signal of the problem only. Then the
// dashboard shows the name and its device filter narrows the table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { answeredVisitor, clickRepeatedly, useCollectorAndBrowser, watchPage } from './harness.mjs';

// As the site writes it: an order number in it, which must not leave the browser.
const SITE_NAME = 'apply coupon order-98765432';
const SENT_NAME = 'apply coupon order-:id';
// The page's text and the element's other attributes never leave.
const NEVER_SENT = ['98765432', 'Apply coupon', 'SPRINGSALE', '8812', 'Aurora', 'Shetland'];
const VIEWPORT = { width: 800, height: 700 }; // "medium": from 600 to 1023 CSS px
const PAGE_VIEWS = 5; // k, the dashboard's smallest group

const suite = useCollectorAndBrowser();

// The demo shop's product page, its Apply coupon button named by the site.
async function namedButtonPage(context) {
  const page = await context.newPage();
  await page.route('**/product/*', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('id="apply-coupon"', `id="apply-coupon" data-friction-name="${SITE_NAME}"`);
    assert.ok(body.includes('data-friction-name'), 'the button is named');
    await route.fulfill({ response, body });
  });
  const bodies = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/signals') && request.method() === 'POST') bodies.push(request.postDataBuffer());
  });
  await page.goto(`${suite.collector.base}/product/8812?coupon=SPRINGSALE`);
  assert.equal(await page.evaluate(() => window.friction.ready), true, 'the SDK started');
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'signals');
  return { page, bodies };
}

async function flushAndDecode(page, bodies) {
  const response = page.waitForResponse((r) => r.url().endsWith('/v1/signals'));
  await page.evaluate(() => window.friction.flush());
  assert.equal((await response).status(), 202);
  assert.equal(bodies.length, 1);
  return decodeFrame(bodies[0]);
}

test('the batch carries the name, the device class and "first" on the first signal only', async () => {
  const context = await suite.browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(answeredVisitor, 'signals');
  const { page, bodies } = await namedButtonPage(context);
  const seen = watchPage(page);
  await clickRepeatedly(page, '#apply-coupon', 4, 150);
  await page.waitForTimeout(1500); // the burst ends: one episode
  await clickRepeatedly(page, '#apply-coupon', 4, 150); // a second episode, same button, same page view
  const json = await flushAndDecode(page, bodies);

  for (const secret of NEVER_SENT) assert.ok(!json.includes(secret), `"${secret}" left the browser`);
  const batch = JSON.parse(json);
  assert.equal(batch.v, 2);
  assert.equal(batch.pointer, 'mouse');
  assert.equal(batch.width, 'medium');
  assert.equal(await page.evaluate(() => window.innerWidth), VIEWPORT.width);
  const rages = batch.signals.filter((s) => s.kind === 'rage_click');
  assert.equal(rages.length, 2, json);
  assert.equal(rages[0].first, true);
  assert.equal('first' in rages[1], false, 'the second episode of the page view is not first');
  for (const signal of rages) assert.equal(signal.name, SENT_NAME);

  // The ledger behind the receipt keeps what was sent, name included.
  const ledger = await page.evaluate(() => window.friction.ledger());
  assert.ok(ledger.at(-1).json.includes(`"name":"${SENT_NAME}"`));
  // The receipt says it in words: the name and the device class.
  await page.locator('friction-privacy-button button').click();
  await page.locator('friction-consent-panel dialog .more button').click();
  const receipt = await page.locator('friction-consent-panel dialog').innerText();
  assert.ok(receipt.includes(`element named “${SENT_NAME}” by the site`), receipt);
  assert.ok(receipt.includes('Device sent with these: mouse, medium (600 to 1023 px) screen.'), receipt);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the dashboard shows the name, and the device filter narrows the table', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(answeredVisitor, 'signals');
  // PAGE_VIEWS page loads, each with two rage-click episodes on the named button: exactly
  // PAGE_VIEWS page views affected, on wide screens with a mouse.
  for (let view = 0; view < PAGE_VIEWS; view++) {
    // (A batch may leave on its own between the episodes: the page view still counts once.)
    const { page } = await namedButtonPage(context);
    await clickRepeatedly(page, '#apply-coupon', 4, 150);
    await page.waitForTimeout(1200);
    await clickRepeatedly(page, '#apply-coupon', 4, 150);
    const response = page.waitForResponse((r) => r.url().endsWith('/v1/signals'));
    await page.evaluate(() => window.friction.flush());
    assert.equal((await response).status(), 202);
    await page.close();
  }
  const rows = suite.collector.query(
    "SELECT p.name, SUM(d.views) AS views, SUM(d.signals) AS signals FROM problems p JOIN problem_days d ON d.problem_id = p.id " +
    "WHERE p.kind = 'rage_click' AND p.step = '/product/:id' AND d.pointer = 2 AND d.width = 3 GROUP BY p.id");
  assert.equal(rows.length, 1);
  assert.equal(rows[0].name, SENT_NAME);
  assert.equal(rows[0].views, PAGE_VIEWS, 'one page view per page load, not one per batch or episode');
  assert.equal(rows[0].signals, 2 * PAGE_VIEWS);

  const page = await context.newPage();
  await page.goto(suite.collector.viewUrl('/dashboard'));
  const problemRow = (p) => p.locator('table.problems tbody tr', { hasText: SENT_NAME });
  await page.goto(`${suite.collector.base}/dashboard?kind=rage_click&pointer=mouse&width=wide`);
  assert.equal(await problemRow(page).count(), 1, 'the named element is shown');
  assert.match(await problemRow(page).locator('td.num').first().innerText(), new RegExp(`^${PAGE_VIEWS}$`));
  assert.equal(await page.locator('#problems-pointer').inputValue(), 'mouse');

  // The filter form, as a person uses it: touch screens had none of it.
  await page.selectOption('#problems-pointer', 'touch');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type="submit"]')]);
  assert.match(page.url(), /pointer=touch/);
  assert.equal(await problemRow(page).count(), 0, 'the filter narrows the table');
  assert.equal(await page.locator('table.problems').count(), 0);

  // In French, the same filter speaks French.
  await page.goto(`${suite.collector.base}/dashboard?lang=fr&pointer=touch`);
  assert.equal(await page.locator('label[for="problems-pointer"]').innerText(), 'Pointeur');
  assert.equal(await page.locator('#problems-pointer option:checked').innerText(), 'tactile');
  await context.close();
});
