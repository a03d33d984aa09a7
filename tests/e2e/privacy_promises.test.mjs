// What the consent panel and the data receipt tell a visitor about the tallies, in English and
// French, held against what the wire carries at each consent level: scrambled only where the
// batch names ε, exact once the visitor agreed, and each tally the receipt lists is the one that
// left. In real headless Chromium against the real collector.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame } from '../wire.mjs';
import { describeVisit } from '../../js/src/panel/receipt_view.js';
import en from '../../js/src/i18n/en.js';
import fr from '../../js/src/i18n/fr.js';
import { clickRepeatedly, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();
const PANEL = 'friction-consent-panel dialog';
const TEXT = { en, fr };
// ln 3 per kind, the default: an answer is true 75 % of the time.
const DEFAULT_EPSILON = 1.0986;
const SCRAMBLED = {
  en: { panel: 'scrambled on purpose so that each answer is true only 75% of the time', receipt: 'each is true only 75% of the time' },
  fr: { panel: 'brouillé exprès pour que chaque réponse ne soit vraie que dans 75\u00a0% des cas', receipt: 'chacune n’est vraie que dans 75\u00a0% des cas' },
};

// A first visit to the demo shop in notice mode, in `lang`, every batch on the wire decoded.
async function noticeVisit(lang, settings = {}) {
  const context = await suite.browser.newContext();
  await withScriptSettings(context, { 'data-consent': 'notice', 'data-consent-ui': 'manual', 'data-lang': lang, ...settings });
  const page = await context.newPage();
  const seen = watchPage(page);
  const wire = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/v1/signals') && request.method() === 'POST') wire.push(JSON.parse(decodeFrame(request.postDataBuffer())));
  });
  await page.goto(`${suite.collector.base}/product/1`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  return { context, page, seen, wire };
}

// A rage click on the step in view, then the next step (which closes this one's tally), sent.
async function rageClickThenGo(page, next, wire) {
  const before = wire.length;
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  // Past the dead click's 2.5 s window, whatever the machine's speed: the burst on the dead
  // coupon button is then a rage click and a dead click (the route change does not answer it).
  await page.waitForTimeout(2600);
  await page.evaluate((path) => history.pushState({}, '', path), next);
  await page.evaluate(() => window.friction.flush());
  await page.waitForFunction((n) => window.friction.ledger().length > n, before);
  for (let i = 0; i < 40 && wire.length <= before; i++) await page.waitForTimeout(50);
}

async function panelText(page) {
  await page.locator('friction-privacy-button button').click();
  await page.locator(`${PANEL}[open]`).waitFor();
  return page.locator(PANEL).innerText();
}

async function receiptText(page) {
  await page.locator(`${PANEL} .more button`).click();
  await page.locator(`${PANEL} .batches`).waitFor();
  return page.locator(PANEL).innerText();
}

const count = (text, part) => text.split(part).length - 1;

// Every tally on the wire is in the receipt as the visitor reads it; the scrambled note comes
// once per batch that named ε, and never otherwise.
function assertReceiptMatchesWire(receipt, wire, lang) {
  for (const batch of wire)
    for (const visit of batch.visits) assert.ok(receipt.includes(describeVisit(visit, TEXT[lang], lang)), `${JSON.stringify(visit)} in\n${receipt}`);
  const scrambledBatches = wire.filter((batch) => batch.epsilon > 0 && batch.visits.length > 0).length;
  assert.equal(count(receipt, SCRAMBLED[lang].receipt), scrambledBatches, receipt);
}

for (const lang of ['en', 'fr']) {
  test(`${lang}: before an answer the panel says the tallies are scrambled, and every batch on the wire is`, async () => {
    const { context, page, seen, wire } = await noticeVisit(lang);
    await rageClickThenGo(page, '/checkout', wire);
    assert.deepEqual(await page.evaluate(() => window.friction.consent.noise()), { epsilonPerKind: DEFAULT_EPSILON, epsilonPerTally: 9.8875, truthPercent: 75 });
    assert.ok(wire.length >= 1);
    for (const batch of wire) {
      assert.equal(batch.epsilon, DEFAULT_EPSILON, 'the noise the panel promises');
      assert.deepEqual(batch.signals, [], 'no signal without an answer');
    }
    const panel = await panelText(page);
    assert.ok(panel.includes(SCRAMBLED[lang].panel), panel);
    assertReceiptMatchesWire(await receiptText(page), wire, lang);
    assert.deepEqual(seen.errors.filter((e) => !e.includes('compare')), []);
    await context.close();
  });

  test(`${lang}: with ldp off the panel promises no scrambling, and the wire has none`, async () => {
    const { context, page, wire } = await noticeVisit(lang, { 'data-ldp': 'off' });
    await rageClickThenGo(page, '/checkout', wire);
    assert.equal(await page.evaluate(() => window.friction.consent.noise()), null);
    for (const batch of wire) assert.equal(batch.epsilon, undefined);
    const product = wire.flatMap((batch) => batch.visits).find((visit) => visit.step === '/product/:id');
    assert.deepEqual(product, { step: '/product/:id', met: ['rage_click', 'dead_click'] }, 'exact: the burst as it happened');
    const panel = await panelText(page);
    assert.ok(!panel.includes(SCRAMBLED[lang].panel), panel);
    assert.ok(panel.includes(TEXT[lang].noticeCounting.slice(0, 60)), panel);
    assertReceiptMatchesWire(await receiptText(page), wire, lang);
    await context.close();
  });

  test(`${lang}: once the visitor accepts, tallies go exact beside the signals, and the receipt says so batch by batch`, async () => {
    const { context, page, wire } = await noticeVisit(lang);
    await rageClickThenGo(page, '/checkout', wire); // told before the answer: scrambled
    await page.evaluate(() => window.friction.consent.set('signals'));
    await rageClickThenGo(page, '/cart', wire);     // the checkout's tally, told after: exact
    const before = wire.filter((batch) => batch.epsilon > 0);
    const after = wire.filter((batch) => batch.epsilon === undefined);
    assert.ok(before.length >= 1 && after.length >= 1, JSON.stringify(wire));
    for (const batch of before) assert.deepEqual(batch.signals, []);
    const checkout = after.flatMap((batch) => batch.visits).find((visit) => visit.step === '/checkout');
    // The second burst on the coupon form that does nothing: a rage click, the form's second
    // send answered by nothing (form struggle), and a dead click once its 5 s cool-down is over.
    const { met, ...rest } = checkout;
    assert.deepEqual(rest, { step: '/checkout', help: false }, 'exact, and whether help was asked');
    assert.ok(met.includes('rage_click') && met.includes('form_struggle'), JSON.stringify(met));
    assert.deepEqual(met.filter((kind) => !['rage_click', 'form_struggle', 'dead_click'].includes(kind)), []);
    assert.ok(after.some((batch) => batch.signals.some((signal) => signal.kind === 'rage_click' && signal.step === '/checkout')));
    await panelText(page);
    assertReceiptMatchesWire(await receiptText(page), wire, lang);
    await context.close();
  });
}

for (const lang of ['en', 'fr']) {
  test(`${lang}: a goal reached sends the told tallies again, unchanged, and the receipt says so`, async () => {
    const { context, page, wire } = await noticeVisit(lang);
    await rageClickThenGo(page, '/checkout', wire); // the product view, told scrambled
    const before = wire.length;
    assert.equal(await page.evaluate(() => window.friction.goal('purchase')), true);
    await page.evaluate(() => window.friction.flush());
    for (let i = 0; i < 40 && wire.length <= before; i++) await page.waitForTimeout(50);
    const visits = wire.flatMap((batch) => batch.visits);
    const told = visits.find((visit) => visit.step === '/product/:id' && !visit.goal);
    const marked = visits.find((visit) => visit.step === '/product/:id' && visit.goal);
    assert.deepEqual(marked, { ...told, goal: 'purchase' }, 'the same scrambled answer, marked');
    for (const visit of visits) assert.equal('help' in visit, false, 'whether help was asked: never before an answer');
    for (const batch of wire) assert.equal(batch.epsilon, DEFAULT_EPSILON);
    await panelText(page);
    const receipt = await receiptText(page);
    assert.ok(receipt.includes('“purchase”') || receipt.includes('«\u00a0purchase\u00a0»'), receipt);
    assertReceiptMatchesWire(receipt, wire, lang);
    await context.close();
  });
}
