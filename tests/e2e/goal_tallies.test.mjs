// The site's goal in real headless Chromium, on the demo shop (its pages declare the goal
// "purchase"; checkout.js calls friction.goal('purchase') once an order is placed): a journey
// over two page loads that reaches the goal sends, for the earlier step, the same tally again
// marked with the goal; a journey that does not reach it sends none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { clickRepeatedly, closeAndLetBeaconsLand, newAnsweredPage, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();

// Every batch the context posts, decoded (beacons included: they are requests too).
function recordWire(context) {
  const wire = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/v1/signals') && request.method() === 'POST') wire.push(JSON.parse(decodeFrame(request.postDataBuffer())));
  });
  return wire;
}

const visitsOf = (wire) => wire.flatMap((batch) => batch.visits.map((visit) => ({ ...visit, epsilon: batch.epsilon })));

// Waits until the wire holds more than `count` batches, or a while.
async function wireGrows(wire, count) {
  for (let i = 0; i < 60 && wire.length <= count; i++) await new Promise((r) => setTimeout(r, 50));
}

// Waits until the visits on the wire hold one that `wanted` accepts, or a while: a batch an
// earlier page left (sent again from the outbox) may reach the wire first.
async function wireHasVisit(wire, wanted) {
  for (let i = 0; i < 60 && !visitsOf(wire).some(wanted); i++) await new Promise((r) => setTimeout(r, 50));
}

// A rage click on the product page, a route change that closes its view (its tally sent by
// fetch, where the test sees it), then a full page load of checkout; `order`: the order is
// placed there (the goal). Returns the visits on the wire once the goal's tallies are sent.
async function productThenCheckout(page, wire, { order }) {
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  // Past the dead click's 2.5 s window, whatever the machine's speed: the burst on the dead
  // coupon button is then a rage click and a dead click (the route change does not answer it).
  await page.waitForTimeout(2600);
  await page.evaluate(() => history.pushState({}, '', '/help'));
  let before = wire.length;
  await page.evaluate(() => window.friction.flush());
  await wireGrows(wire, before);
  await page.goto(`${suite.collector.base}/checkout`); // a new page load of the same tab
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  if (order) {
    await page.fill('#email', 'a@b.example');
    await page.fill('#name', 'A B');
    await page.fill('#postcode', '75011');
    await page.click('#place-order');
    await page.locator('#order-status').filter({ hasText: 'Thank you' }).waitFor();
  }
  before = wire.length;
  await page.evaluate(() => window.friction.flush());
  await wireGrows(wire, before);
  return visitsOf(wire);
}

// Goal tallies the collector stored for `step`, read from its database (beacons included).
async function storedGoalViews(step) {
  const read = () => suite.collector.query(`SELECT SUM(views) AS n FROM outcome_days WHERE goal = 'purchase' AND step = '${step}'`)[0].n || 0;
  for (let i = 0; i < 40 && read() === 0; i++) await new Promise((r) => setTimeout(r, 50));
  return read();
}

test('signals: reaching the goal sends the earlier steps\' tallies again, marked, with the same kinds', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  const seen = watchPage(page);
  const wire = recordWire(page.context());
  const visits = await productThenCheckout(page, wire, { order: true });
  const told = visits.filter((visit) => visit.step === '/product/:id' && !visit.goal);
  const marked = visits.filter((visit) => visit.step === '/product/:id' && visit.goal);
  assert.equal(told.length, 1, JSON.stringify(visits));
  assert.deepEqual(told[0].met, ['rage_click', 'dead_click']);
  assert.equal(told[0].help, false, 'exact tallies say whether help was asked');
  assert.deepEqual(marked, [{ ...told[0], goal: 'purchase' }], 'the same tally, once, marked');
  // The checkout view was open when the order was placed: marked as it closes (by beacon).
  await closeAndLetBeaconsLand(page);
  assert.equal(await storedGoalViews('/checkout'), 1);
  assert.deepEqual(seen.errors, []);
});

test('no goal reached: no goal tally', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  const wire = recordWire(page.context());
  const visits = await productThenCheckout(page, wire, { order: false });
  assert.ok(visits.some((visit) => visit.step === '/product/:id'), JSON.stringify(visits));
  await closeAndLetBeaconsLand(page);
  assert.deepEqual(visitsOf(wire).filter((visit) => 'goal' in visit), []);
});

test('notice mode: the goal tallies repeat the scrambled answers as told, without the help flag', async () => {
  const context = await suite.browser.newContext();
  await withScriptSettings(context, { 'data-consent': 'notice', 'data-consent-ui': 'manual' });
  const page = await context.newPage();
  const wire = recordWire(context);
  const visits = await productThenCheckout(page, wire, { order: true });
  const marked = visits.filter((visit) => visit.goal === 'purchase');
  assert.ok(marked.some((visit) => visit.step === '/product/:id'), JSON.stringify(visits));
  for (const visit of visits) {
    assert.ok(visit.epsilon > 0, 'scrambled before an answer');
    assert.equal('help' in visit, false, 'never under counts');
  }
  // The product view's tally went by fetch, seen here: its goal tally is the same answer.
  const told = visits.find((visit) => visit.step === '/product/:id' && !visit.goal);
  assert.ok(told, JSON.stringify(visits));
  const { goal: name, ...asTold } = marked.find((visit) => visit.step === '/product/:id');
  assert.equal(name, 'purchase');
  assert.deepEqual(asTold, told);
  // The /help view's tally left by beacon as the product page went away: the collector holds it,
  // and the kinds of its goal tally are the same answers.
  await page.close({ runBeforeUnload: true });
  const kinds = (goal) => suite.collector.query(`SELECT kind FROM outcome_kinds WHERE step = '/help' AND epsilon > 0 AND goal = '${goal}' ORDER BY kind`).map((row) => row.kind);
  assert.equal(suite.collector.query("SELECT SUM(views) AS n FROM outcome_days WHERE step = '/help' AND epsilon > 0 AND goal = ''")[0].n, 1);
  assert.deepEqual(kinds('purchase'), kinds(''));
  await context.close();
});

test('refused: nothing kept in the tab for a goal, nothing sent', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'none' });
  const wire = recordWire(page.context());
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.goto(`${suite.collector.base}/checkout`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('friction:told')), null);
  assert.equal(await page.evaluate(() => window.friction.goal('purchase')), true);
  await closeAndLetBeaconsLand(page);
  assert.deepEqual(wire, []);
});

test('a goal told through the queue stub, before the SDK loaded, still marks the earlier views', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  const wire = recordWire(page.context());
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.evaluate(() => history.pushState({}, '', '/help')); // the product view closes
  const before = wire.length;
  await page.evaluate(() => window.friction.flush());
  await wireGrows(wire, before);
  // The next page calls friction('goal') before friction.js has even loaded.
  await page.context().addInitScript(() => {
    window.friction = function queued() { (window.friction.q = window.friction.q || []).push(arguments); };
    window.friction('goal', 'purchase');
  });
  await page.goto(`${suite.collector.base}/`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.evaluate(() => window.friction.flush());
  await wireHasVisit(wire, (visit) => visit.goal === 'purchase');
  const marked = visitsOf(wire).filter((visit) => visit.goal === 'purchase').map((visit) => visit.step);
  assert.ok(marked.includes('/product/:id'), JSON.stringify(visitsOf(wire)));
  await closeAndLetBeaconsLand(page);
  assert.equal(await storedGoalViews('/'), 1, 'the page that called it: its own view marked');
});
