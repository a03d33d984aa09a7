// Delivery: nothing lost, nothing counted twice. The collector is made unreachable, slow to
// answer or offline with Playwright's routing, in real headless Chromium; what it stored is read
// from its database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, watchPage, watchWire, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();

// A visitor who accepted signals (their receipt is stored), on a fresh context.
async function acceptedVisitor() {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  return { context: page.context(), page, seen: watchPage(page) };
}

async function openProduct(page, id) {
  await page.goto(`${suite.collector.base}/product/${id}`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
}

// A rage click with a burst size no other test uses, so that its rows can be counted.
async function rageClickAndFlush(page, clicks) {
  await clickRepeatedly(page, '#apply-coupon', clicks, 120);
  await page.waitForTimeout(1200);
  await page.evaluate(() => window.friction.flush());
}

const storedBursts = (clicks) =>
  suite.collector.query(`SELECT COUNT(*) AS n FROM signals WHERE kind = 'rage_click' AND count = ${clicks}`)[0].n;

async function waitForStored(clicks, atLeast = 1) {
  for (let i = 0; i < 100 && storedBursts(clicks) < atLeast; i++) await new Promise((r) => setTimeout(r, 50));
  return storedBursts(clicks);
}

const outboxSize = (page) => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('friction:outbox') || '{}')).length);

test('a collector that is down: the batch waits, is retried with backoff, and is stored once', async () => {
  const { context, page, seen } = await acceptedVisitor();
  const attempts = [];
  await context.route('**/v1/signals', (route) => {
    attempts.push(Date.now());
    return attempts.length <= 2 ? route.fulfill({ status: 503, body: '{"error":"down"}' }) : route.continue();
  });
  await openProduct(page, 101);
  await rageClickAndFlush(page, 5);
  await page.waitForFunction(() => window.friction.ledger().length >= 1, null, { timeout: 15000 });
  assert.equal(await waitForStored(5), 1);
  assert.ok(attempts.length >= 3, `attempts: ${attempts.length}`);
  // Backoff: the first retry waits 1-2 s, the next 2-4 s.
  assert.ok(attempts[1] - attempts[0] >= 900, `first retry after ${attempts[1] - attempts[0]} ms`);
  assert.ok(attempts[2] - attempts[1] >= 1800, `second retry after ${attempts[2] - attempts[1]} ms`);
  assert.equal(await outboxSize(page), 0, 'acknowledged batches leave the outbox');
  assert.deepEqual(seen.errors.filter((e) => !e.includes('compare')), []);
  await context.close();
});

test('an answer lost after the collector stored the batch: the retry is not counted twice', async () => {
  const { context, page } = await acceptedVisitor();
  let lost = 0;
  await context.route('**/v1/signals', async (route) => {
    if (lost > 0) return route.continue();
    lost += 1;
    await route.fetch(); // the collector stores it...
    return route.abort('connectionreset'); // ...and the page never hears back
  });
  await openProduct(page, 102);
  await rageClickAndFlush(page, 6);
  // The ledger records a batch only on a 2xx: here, the collector's "duplicate" to the retry.
  await page.waitForFunction(() => window.friction.ledger().length >= 1, null, { timeout: 15000 });
  assert.equal(lost, 1);
  assert.equal(storedBursts(6), 1);
  await context.close();
});

test('unsent batches survive a reload, and offline batches go when the browser is back online', async () => {
  const { context, page } = await acceptedVisitor();
  await context.route('**/v1/signals', (route) => route.abort('internetdisconnected'));
  await openProduct(page, 103);
  await rageClickAndFlush(page, 7);
  await page.waitForFunction(() => Object.keys(JSON.parse(localStorage.getItem('friction:outbox') || '{}')).length >= 1);
  assert.equal(storedBursts(7), 0);

  // The next page of the site sends what the last one could not.
  await context.unroute('**/v1/signals');
  await openProduct(page, 104);
  assert.equal(await waitForStored(7), 1);
  await page.waitForFunction(() => !localStorage.getItem('friction:outbox'));

  // Offline: queued in the page; back online: sent at once, not at the next interval.
  await context.setOffline(true);
  await rageClickAndFlush(page, 8);
  await page.waitForTimeout(300);
  assert.equal(storedBursts(8), 0);
  assert.ok((await outboxSize(page)) >= 1);
  await context.setOffline(false);
  assert.equal(await waitForStored(8), 1);
  await context.close();
});

// A file of the sending side that cannot be fetched at first (route: its address pattern;
// file: how the console names it): help goes on, the batch waits, the console says so once,
// and the next send, with the file back, delivers the batch.
async function sendsOnceBack({ route, file, product, clicks, missing }) {
  const { context, page, seen } = await acceptedVisitor();
  let blocked = true;
  const fetches = [];
  await context.route(route, (request) => {
    fetches.push(blocked);
    return blocked ? request.fulfill({ status: 503, body: 'down' }) : request.continue();
  });
  await openProduct(page, product);
  await page.evaluate(() => {
    window.offers = 0;
    window.friction.on('help', () => window.offers++);
  });
  await rageClickAndFlush(page, clicks);
  assert.equal(await page.evaluate(() => window.offers), 1, `help does not need the ${missing}`);
  assert.equal(storedBursts(clicks), 0);
  const warnings = seen.console.filter((line) => file.test(line));
  assert.equal(warnings.length, 1, 'said once, in words a developer can act on');
  blocked = false;
  // The next send tries again. One made while the blocked try is still under way (its 503 not
  // yet seen by the page: a loaded machine) joins that try and fails with it, as the product
  // means to: the send after it is the one that must deliver.
  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(500);
  await page.evaluate(() => window.friction.flush());
  assert.equal(await waitForStored(clicks), 1, `the batch made while the ${missing} was away is sent (fetches, blocked or not: ${fetches})`);
  assert.deepEqual(fetches.slice(-1), [false]);
  assert.equal(seen.console.filter((line) => file.test(line)).length, 1);
  await context.close();
  return warnings[0];
}

test('a codec that cannot be fetched at first: help goes on, the batch waits, and goes once the codec loads', async () => {
  const warning = await sendsOnceBack({ route: '**/friction-codec.wasm', file: /friction-codec\.wasm/, product: 109, clicks: 9, missing: 'codec' });
  assert.match(warning, /^warning: \[friction\] could not load .*friction-codec\.wasm; nothing is sent until it loads/);
});

test('a send chunk that cannot be fetched at first: help goes on, the batch waits, and goes once the chunk loads', async () => {
  const warning = await sendsOnceBack({ route: '**/dist/friction-send-*.mjs', file: /friction-send-/, product: 111, clicks: 12, missing: 'send chunk' });
  assert.match(warning, /^warning: \[friction\] could not load friction-send-[A-Z0-9]+\.mjs \(copy every file of dist\/ next to friction\.js\).*nothing is sent until it loads/);
});

test('a withdrawal in another tab while the codec is away: the records that waited for it are never sent, and this tab forgets', async () => {
  const { context, page } = await acceptedVisitor();
  let codecBlocked = true;
  await context.route('**/friction-codec.wasm', (route) => (codecBlocked ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await openProduct(page, 110);
  await rageClickAndFlush(page, 10); // made while the codec is away: it waits
  const other = await context.newPage();
  await other.goto(`${suite.collector.base}/`);
  await other.evaluate(() => window.friction.consent.set('none'));
  await page.waitForFunction(() => window.friction.consent.get() === 'none');
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), [], "this tab's own journey and help memory went too");
  codecBlocked = false;
  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(1500);
  assert.equal(storedBursts(10), 0, 'nothing made before the withdrawal went out after it');
  await context.close();
});

test('a beacon is not a delivery: the batch it carried stays in the outbox until the next page gets a 2xx for it', async () => {
  const { context, page, seen } = await acceptedVisitor();
  const answers = []; // the statuses of the collector's answers to the SDK's fetches
  context.on('response', (response) => {
    if (response.url().endsWith('/v1/signals') && response.request().resourceType() === 'fetch') answers.push(response.status());
  });
  await openProduct(page, 105);
  await clickRepeatedly(page, '#apply-coupon', 11, 120);
  await page.waitForTimeout(1200); // the burst is over: its signal waits for the next send
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide'))); // as the page goes: a beacon
  assert.equal(await waitForStored(11), 1, 'the beacon landed');
  const kept = await page.evaluate(() => Object.values(JSON.parse(localStorage.getItem('friction:outbox') || '{}')));
  assert.deepEqual(kept.map((batch) => batch.beaconed), [true], 'kept, as beaconed, until confirmed');
  assert.deepEqual(answers, []);

  // The next page resends it; the collector answers 200 "duplicate", and it leaves the outbox.
  await openProduct(page, 106);
  await page.waitForFunction(() => !localStorage.getItem('friction:outbox'));
  assert.ok(answers.includes(200), `the next page resent it: ${answers}`);
  assert.equal(storedBursts(11), 1, 'stored once');
  const listed = await page.evaluate(() => window.friction.ledger().filter((entry) => entry.signals.some((signal) => signal.count === 11)));
  assert.equal(listed.length, 1, 'in the ledger once');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// A validator on the files lets the browser keep a download that was cut off and ask later for
// the rest only (Range, If-Range): the collector must answer with the whole file, or the page
// is handed a tail as the codec, refuses it by its SHA-256, and sends nothing. A visitor who
// leaves a page while the codec comes in cuts it off so; here the test's own fetch of it, slowed
// by CDP and made as the SDK makes it, is cut off, and then a page of the shop needs the codec.
// Returns the ranges Chromium asked for: none when it did not keep the part (one try in about 8).
// The answer to the range must itself be right: a page that had to fetch the codec again past
// the cache (wasm_digest.js, on a copy that failed its SHA-256) would hide a wrong one.
async function cutOffCodecThenSend(product, clicks) {
  const { context, page, seen } = await acceptedVisitor();
  const { network, sent } = await watchWire(page);
  const throttle = (downloadThroughput) => network.send('Network.emulateNetworkConditions',
    { offline: false, latency: 0, uploadThroughput: -1, downloadThroughput });
  await page.goto(`${suite.collector.base}/healthz`);
  await throttle(24_000); // bytes a second: the codec's 111 KB would take some 5 s
  await page.evaluate(() => {
    window.cutOff = new AbortController();
    fetch('/dist/friction-codec.wasm', { credentials: 'omit', referrerPolicy: 'no-referrer', signal: cutOff.signal })
      .then((response) => response.arrayBuffer()).catch(() => {});
  });
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.cutOff.abort());
  await throttle(-1);
  await openProduct(page, product);
  await rageClickAndFlush(page, clicks);
  assert.equal(await waitForStored(clicks), 1, `the codec loaded and the batch went: ${seen.console.join('\n')}`);
  assert.deepEqual(seen.console.filter((line) => /friction-codec\.wasm/.test(line)), []);
  await context.close();
  const codecAsked = sent(/\/friction-codec\.wasm$/).map(({ headers }) => headers).filter(Boolean);
  assert.deepEqual(codecAsked.filter((headers) => headers['Cache-Control'] === 'no-cache'), [], 'never fetched again past the cache');
  return codecAsked.filter((headers) => headers.Range).map((headers) => headers.Range);
}

test('a codec download cut off half-way: the next page asks for the rest, gets the whole file and sends', async () => {
  const tried = [];
  for (let i = 0; i < 3 && !tried.some((ranges) => ranges.length); i++) tried.push(await cutOffCodecThenSend(112 + i, 13 + i));
  assert.ok(tried.some((ranges) => ranges.length), `Chromium asked for no range in ${tried.length} tries: the case went untested`);
});

test('the regular send wakes the page only while something may leave: not for a refusal, from an Accept on, not after a withdrawal', async () => {
  const SEND_EVERY_MS = 1234; // a period nothing else on the page uses
  const page = await newAnsweredPage(suite.browser, {}, { level: 'none' });
  await withScriptSettings(page.context(), { 'data-send-interval-ms': String(SEND_EVERY_MS) });
  await page.addInitScript((every) => {
    const running = new Set();
    window.sendTimers = running;
    const setInterval = window.setInterval;
    const clearInterval = window.clearInterval;
    window.setInterval = function (run, ms, ...rest) {
      const id = setInterval.call(this, run, ms, ...rest);
      if (ms === every) running.add(id);
      return id;
    };
    window.clearInterval = function (id) {
      running.delete(id);
      return clearInterval.call(this, id);
    };
  }, SEND_EVERY_MS);
  const seen = watchPage(page);
  const sendTimers = () => page.evaluate(() => window.sendTimers.size);
  await openProduct(page, 120);
  assert.equal(await sendTimers(), 0, 'a visitor who refused: nothing to send, no timer');

  await page.evaluate(() => window.friction.consent.set('signals'));
  assert.equal(await sendTimers(), 1, 'accepted: the regular send runs');
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  assert.equal(await waitForStored(4), 1, 'the rage click went with a regular send, no flush asked');

  await page.evaluate(() => window.friction.consent.set('none'));
  assert.equal(await sendTimers(), 0, 'withdrawn: the regular send stops');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.console.filter((line) => line.includes('[friction]')), []);
  await page.close();
});
