// Issue 14 in real headless Chromium: a button the site named with data-friction-name is
// rage-clicked on the demo shop; the batch on the wire carries the cleaned name, the device
// class the browser measured, and "first" on the first signal of the problem only. Then the
// dashboard shows the name and its device filter narrows the table.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
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

// Issue 16: a form struggle says why. The batches are posted as an SDK whose form detector told
// causes would post them (a zstd frame from the shop's origin), so that the collector's reading,
// counting and showing of causes is held apart from the detector's (tested with it).
function formStruggleBatch(cause, pointer = 'mouse') {
  const signal = { kind: 'form_struggle', step: '/checkout', role: 'textbox', target: '00000000000000aa', count: 3,
    at_s: 20, span_ms: 4500, score: 0.7, first: true, name: 'postcode' };
  if (cause) signal.cause = cause;
  return { v: 2, id: randomBytes(16).toString('hex'), site: 'demo', sdk: '0.1.0', dropped: 0, signals: [signal], visits: [],
    pointer, width: 'wide' };
}

function postBatch(batch) {
  // The size told, so that zstd picks a window a batch needs (the collector refuses a larger one).
  const json = Buffer.from(JSON.stringify(batch));
  const body = execFileSync('zstd', ['-q', '-c', '-3', `--stream-size=${json.length}`], { input: json });
  const url = new URL(`${suite.collector.base}/v1/signals`);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { Origin: suite.collector.base, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a form struggle says why: the field\'s cell counts each cause, under k none, in English and French', async () => {
  for (let i = 0; i < PAGE_VIEWS; i++) assert.equal((await postBatch(formStruggleBatch('validation_loop'))).status, 202);
  for (let i = 0; i < 2; i++) assert.equal((await postBatch(formStruggleBatch('rejected_submit'))).status, 202);
  assert.equal((await postBatch(formStruggleBatch(null))).status, 202); // an SDK that could not tell
  // What the collector refuses, saying which field: a cause it does not know, one on a kind without causes.
  const unknown = await postBatch(formStruggleBatch('typo'));
  assert.equal(unknown.status, 400);
  assert.match(JSON.parse(unknown.text).error, /^signals\[0\]\.cause: must be one of "validation_loop", "re_entry", "rejected_submit", "abandonment"/);
  const onRage = formStruggleBatch('validation_loop');
  onRage.signals[0].kind = 'rage_click';
  const rage = await postBatch(onRage);
  assert.equal(rage.status, 400);
  assert.match(JSON.parse(rage.text).error, /^signals\[0\]\.cause: must be absent: rage_click carries no cause/);

  const context = await suite.browser.newContext();
  const page = await context.newPage();
  await page.goto(suite.collector.viewUrl('/dashboard'));
  const row = page.locator('table.problems tbody tr', { hasText: 'postcode' });
  await page.goto(`${suite.collector.base}/dashboard?kind=form_struggle&lang=en`);
  assert.equal(await row.count(), 1);
  // k = 5: the five validation loops are shown, the two rejected submits are not.
  assert.equal(await row.locator('.causes').innerText(), `Why: validation loops: ${PAGE_VIEWS}`);
  assert.equal(await row.locator('.cause[data-cause="rejected_submit"]').count(), 0);
  await page.goto(`${suite.collector.base}/dashboard?kind=form_struggle&lang=fr`);
  assert.equal(await row.locator('.causes').innerText(), `Pourquoi\u00a0: boucles de validation\u00a0: ${PAGE_VIEWS}`);
  // The export says the same, under the same k.
  const json = await page.evaluate(async () => (await fetch('/v1/problems?kind=form_struggle')).json());
  assert.deepEqual(json.problems[0].causes, { validation_loop: PAGE_VIEWS });
  await context.close();
});
