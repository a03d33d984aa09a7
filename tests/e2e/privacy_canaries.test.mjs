// PII canaries: an email, a card number, a phone number and a name, typed into fields, put in
// the URL (path and query), in page text and in attributes. Every request the page makes is
// captured and decompressed; no canary may appear in any of them, in any consent state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame, isZstdFrame } from '../wire.mjs';
import { answeredVisitor, clickRepeatedly, closeAndLetBeaconsLand, newAnsweredPage, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const CANARIES = {
  email: 'canary.owl@example.org',
  card: '4111111111111111',
  cardSpaced: '4111 1111 1111 1111',
  phone: '+33612345678',
  name: 'Zebulon Quixote',
};
const suite = useCollectorAndBrowser();

// Every form a canary could take on the wire.
function leaks(text) {
  const forms = Object.values(CANARIES).flatMap((c) => [c, encodeURIComponent(c), c.replaceAll(' ', '+')]);
  forms.push('Zebulon', 'Quixote', 'canary.owl', '12345678');
  return forms.filter((form) => text.includes(form));
}

function decode(body) {
  if (!body) return '';
  if (isZstdFrame(body)) return decodeFrame(body);
  return body.toString('latin1');
}

// A visitor who answered with a refusal; or, with `notice`, a first visit to a site in notice
// mode (data-consent="notice"), the panel left for the Privacy button. Without the tallies'
// noise (data-ldp="off"), so that the rage click can be looked for in them;
// privacy_promises.test.mjs holds the noise against the wire.
async function newCanaryVisitor(notice) {
  if (!notice) return newAnsweredPage(suite.browser);
  const context = await suite.browser.newContext();
  await withScriptSettings(context, { 'data-consent': 'notice', 'data-consent-ui': 'manual', 'data-ldp': 'off' });
  const page = await context.newPage();
  page.once('close', () => context.close().catch(() => {}));
  return page;
}

async function canaryPage({ notice = false } = {}) {
  const page = await newCanaryVisitor(notice);
  const seen = watchPage(page);
  const requests = [];
  let loaded = false; // the page's own load carries the canaries in its URL: the test put them there
  page.on('request', (request) => loaded && requests.push({ url: request.url(), method: request.method(), body: decode(request.postDataBuffer()) }));
  const path = `/product/${encodeURIComponent(CANARIES.email)}?card=${CANARIES.card}&phone=${encodeURIComponent(CANARIES.phone)}&name=${encodeURIComponent(CANARIES.name)}#${CANARIES.card}`;
  await page.goto(suite.collector.base + path);
  loaded = true;
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await page.evaluate((c) => {
    const note = document.createElement('p');
    note.textContent = `Deliver to ${c.name}, ${c.email}, ${c.phone}`;
    note.id = `customer-${c.card}`;
    note.setAttribute('data-owner', c.email);
    document.querySelector('main').prepend(note);
    const form = document.getElementById('coupon-form');
    form.id = `coupon-form-${c.phone.slice(1)}`; // an id-like attribute on the clicked control's path
    document.getElementById('apply-coupon').setAttribute('aria-label', `Apply for ${c.name}`);
    // A site that wrongly put personal data in an element's name: the core scrubs it.
    document.getElementById('apply-coupon').setAttribute('data-friction-name', `coupon ${c.email} ${c.cardSpaced} ${c.phone}`);
  }, CANARIES);
  await page.fill('#coupon-code', `${CANARIES.cardSpaced} ${CANARIES.email}`);
  return { page, seen, requests };
}

async function causeFriction(page) {
  await clickRepeatedly(page, '#apply-coupon', 4, 120); // rage
  await page.click('#save-wishlist'); // error click (its own request)
  await page.click('#check-delivery'); // slow response
  await page.waitForTimeout(2600);
  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(400);
}

// Every key a signal may carry on the wire (sdk/encode/signal_batch.h).
const SIGNAL_KEYS = ['kind', 'step', 'role', 'target', 'count', 'at_s', 'span_ms', 'score', 'first', 'name', 'cause'];
const FORM_CAUSES = ['validation_loop', 're_entry', 'rejected_submit', 'abandonment'];

const signalPosts = (requests) => requests.filter((r) => r.url.endsWith('/v1/signals') && r.method === 'POST');

test('consent none: frictions are told locally, nothing goes to the collector, no canary anywhere', async () => {
  const { page, seen, requests } = await canaryPage();
  const storedBefore = suite.collector.storedBatches();
  const told = [];
  await page.exposeFunction('recordFriction', (detail) => told.push(detail));
  await page.evaluate(() => window.friction.on('friction', (detail) => window.recordFriction(detail)));
  await causeFriction(page);
  assert.deepEqual(signalPosts(requests), []);
  await closeAndLetBeaconsLand(page);
  assert.ok(told.length >= 2, `local detections: ${JSON.stringify(told)}`);
  assert.equal(suite.collector.storedBatches(), storedBefore, 'the collector got nothing, by fetch or beacon');
  for (const request of requests) assert.deepEqual(leaks(request.url + request.body), [], request.url);
  assert.deepEqual(seen.errors.filter((e) => !e.includes('compare')), []);
});

test('consent signals: signals are sent, and no canary is in them or in any other request', async () => {
  const { page, requests } = await canaryPage();
  await page.evaluate(() => window.friction.on('consent', (change) => (window.consentChange = change)));
  await page.evaluate(() => window.friction.consent.set('signals'));
  assert.deepEqual(await page.evaluate(() => window.consentChange), { level: 'signals' });
  await causeFriction(page);
  const posts = signalPosts(requests);
  assert.ok(posts.length >= 1, 'signals were sent');
  const kinds = posts.flatMap((p) => JSON.parse(p.body).signals.map((s) => s.kind));
  assert.ok(kinds.includes('rage_click'), kinds.join());
  const rage = posts.flatMap((p) => JSON.parse(p.body).signals).find((s) => s.kind === 'rage_click');
  assert.equal(rage.name, 'coupon :email :card :phone', 'the site\'s name for the button, scrubbed');
  // Nothing but the fields the panel and the README list; "cause" (why) only on a form struggle,
  // and only one of its four words (sdk/encode/field_rules.h).
  for (const signal of posts.flatMap((p) => JSON.parse(p.body).signals)) {
    for (const key of Object.keys(signal)) assert.ok(SIGNAL_KEYS.includes(key), `signal key ${key}`);
    if ('cause' in signal) {
      assert.equal(signal.kind, 'form_struggle');
      assert.ok(FORM_CAUSES.includes(signal.cause), signal.cause);
    }
  }
  for (const request of requests) assert.deepEqual(leaks(request.url + request.body), [], request.url);
  // The user can read exactly what was sent.
  const ledger = await page.evaluate(() => window.friction.ledger());
  assert.deepEqual(ledger.flatMap((entry) => entry.signals.map((s) => s.kind)), kinds);
  assert.ok(ledger.every((entry) => entry.bytes > 0 && entry.at > 0));
  // Byte for byte what left, once decompressed.
  assert.deepEqual(ledger.map((entry) => entry.json), posts.map((post) => post.body));
  await page.close();
});

test('notice site before an answer: only visit tallies are sent, and no canary anywhere', async () => {
  const { page, requests } = await canaryPage({ notice: true });
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'counts');
  await causeFriction(page);
  await page.evaluate(() => history.pushState({}, '', '/checkout')); // the visit ends: its tally goes
  await page.evaluate(() => window.friction.flush());
  await page.waitForTimeout(400);
  await page.close({ runBeforeUnload: true });
  const posts = signalPosts(requests);
  assert.ok(posts.length >= 1, 'the tallies were sent');
  for (const request of requests) assert.deepEqual(leaks(request.url + request.body), [], request.url);
  const visits = posts.flatMap((post) => {
    const batch = JSON.parse(post.body);
    assert.deepEqual(batch.signals, [], 'no signal before the user answers');
    // Neither the element's name nor the device class goes with tallies alone.
    assert.equal('pointer' in batch || 'width' in batch, false, post.body);
    assert.ok(!post.body.includes('"name"'), post.body);
    return batch.visits;
  });
  const product = visits.find((visit) => visit.step === '/product/:id');
  assert.ok(product, JSON.stringify(visits));
  assert.deepEqual(Object.keys(product).sort(), ['met', 'step']);
  assert.ok(product.met.includes('rage_click'), JSON.stringify(product));
});

test('withdrawal: nothing more is sent, and what the SDK stored on the device is wiped', async () => {
  const { page, requests } = await canaryPage();
  await page.evaluate(() => window.friction.consent.set('signals'));
  await causeFriction(page);
  assert.ok(signalPosts(requests).length >= 1);
  assert.ok((await page.evaluate(() => window.friction.ledger())).length >= 1);
  await page.evaluate(() => window.friction.consent.set('none'));
  const sentBefore = signalPosts(requests).length;
  const storedBefore = suite.collector.storedBatches();
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.friction.flush());
  assert.equal(signalPosts(requests).length, sentBefore, 'no request after withdrawal');
  await closeAndLetBeaconsLand(page);
  assert.equal(suite.collector.storedBatches(), storedBefore, 'nothing reached the collector after withdrawal, by fetch or beacon');
});

test('withdrawal wipes the ledger and the journey, and keeps only the receipt of the refusal', async () => {
  const { page } = await canaryPage();
  await page.evaluate(() => window.friction.consent.set('signals'));
  await causeFriction(page);
  await page.evaluate(() => window.friction.consent.set('none'));
  const stored = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    receipt: window.friction.consent.receipt(),
    cookies: document.cookie,
  }));
  assert.deepEqual(stored.local, ['friction:consent']);
  assert.deepEqual(stored.session, []);
  assert.equal(stored.cookies, '');
  assert.equal(stored.receipt.level, 'none');
  assert.match(stored.receipt.id, /^[0-9a-f-]{32,36}$/);
  await page.close();
});

test('Global Privacy Control is a refusal until the user actively opts in', async () => {
  const context = await suite.browser.newContext();
  await context.addInitScript(answeredVisitor);
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const page = await context.newPage();
  // A receipt from before GPC was switched on does not outlive it.
  await page.goto(`${suite.collector.base}/product/1`);
  await page.evaluate(() => localStorage.setItem('friction:consent', JSON.stringify({ id: 'x', revision: '1', level: 'signals', at: Date.now(), lang: 'en', gpc: false })));
  await page.reload();
  await page.evaluate(() => window.friction.ready);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  assert.equal(await page.evaluate(() => window.friction.consent.shouldAsk()), false);
  // An active opt-in made while GPC is on holds.
  await page.evaluate(() => window.friction.consent.set('signals'));
  await page.reload();
  await page.evaluate(() => window.friction.ready);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'signals');
  assert.equal(await page.evaluate(() => window.friction.consent.receipt().gpc), true);
  await context.close();
});

test('a withdrawal in one tab holds at once in the other tabs of the site', async () => {
  const first = await newAnsweredPage(suite.browser);
  const context = first.context();
  const posts = [];
  context.on('request', (request) => request.url().endsWith('/v1/signals') && posts.push(request.url()));
  await first.goto(`${suite.collector.base}/product/1`);
  await first.evaluate(() => window.friction.ready);
  await first.evaluate(() => window.friction.consent.set('signals'));
  const second = await context.newPage();
  await second.goto(`${suite.collector.base}/product/2`);
  await second.evaluate(() => window.friction.ready);
  assert.equal(await second.evaluate(() => window.friction.consent.get()), 'signals');

  await second.evaluate(() => window.friction.consent.set('none'));
  await first.waitForFunction(() => window.friction.consent.get() === 'none');
  await clickRepeatedly(first, '#apply-coupon', 4, 120);
  await first.waitForTimeout(300);
  await first.evaluate(() => window.friction.flush());
  await first.waitForTimeout(300);
  assert.deepEqual(posts, [], 'the first tab sent nothing after the withdrawal in the second');
  await second.close();
  await first.close();
});
