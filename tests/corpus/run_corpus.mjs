// Runs every journey of the corpus in a fresh browser context and scores what the SDK told the
// page (`friction:detected`) against the labels: precision and recall per kind.
import { devices } from 'playwright-core';
import { answeredVisitor } from '../e2e/harness.mjs';
import { journeys } from './journeys/index.mjs';

// The kinds the corpus labels (journeys/), each held to its accuracy bar.
export const KINDS = ['rage_click', 'dead_click', 'error_click', 'form_struggle', 'scroll_thrash',
  'quick_back', 'cursor_thrash', 'hesitation', 'slow_response'];

// Collects detections and offers of help on every page of the context, across navigations.
async function recordEvents(context) {
  const detected = [];
  const offers = [];
  await context.exposeBinding('__corpusRecord', (_source, type, detail) => (type === 'help' ? offers : detected).push(detail));
  await context.addInitScript(() => {
    window.addEventListener('friction:detected', (event) => window.__corpusRecord('detected', event.detail));
    window.addEventListener('friction:help', (event) => window.__corpusRecord('help', event.detail));
  });
  return { detected, offers };
}

// What the page saw of input, scrolling and its own visibility, kept in the page and printed
// only for a journey that missed: a detection that did not come is explained by what the SDK
// was shown (which wheel turns and touches arrived, which scroll positions it could read,
// whether the page was hidden).
export function traceInput() {
  const trace = [];
  window.__corpusTrace = trace;
  const note = (...what) => trace.length < 400 && trace.push([Math.round(performance.now()), ...what].join(' '));
  const nameOf = (target) => (target === document ? 'page' : target.id || target.tagName.toLowerCase());
  // Passive, as the SDK's own listeners: a wheel listener that may cancel makes the browser
  // scroll only once the page's main thread has run it, which would change what is traced.
  const passive = { capture: true, passive: true };
  addEventListener('wheel', (event) => note('wheel', event.deltaY, nameOf(event.target)), passive);
  addEventListener('scroll', (event) => {
    const scroller = event.target === document ? document.scrollingElement : event.target;
    note('scroll', nameOf(event.target), Math.round(scroller.scrollTop));
  }, passive);
  addEventListener('pointerdown', (event) => note('down', nameOf(event.target)), passive);
  addEventListener('blur', (event) => event.target === window && note('blur'));
  document.addEventListener('visibilitychange', () => note('visibility', document.visibilityState));
  addEventListener('friction:detected', (event) => note('detected', event.detail.kind));
}

export async function traceOf(page) {
  try {
    return await page.evaluate(() => (window.__corpusTrace || []).join('; '));
  } catch {
    return '(no trace: the page was gone)';
  }
}

// A desktop window for mouse journeys; a phone (Chromium's mobile emulation: touch events, a
// coarse pointer, a 393 px wide viewport) for touch journeys.
const { defaultBrowserType: _unused, ...PHONE } = devices['Pixel 5'];
export const inputOf = (journey) => journey.input || 'mouse';

// A person scrolls to what they want, looks, then clicks or rests on it; playwright scrolls and
// clicks in the same instant, so the scroll's event (dispatched at the next frame) lands after
// the click and reads as the page answering it. Bring the element into view first, let that
// scroll settle, then act.
const SCROLL_SETTLE_MS = 150;

function readLikeAPerson(page) {
  for (const action of ['click', 'hover']) {
    const original = page[action].bind(page);
    page[action] = async (selector, options) => {
      const before = await page.evaluate(() => [scrollX, scrollY].join());
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      if ((await page.evaluate(() => [scrollX, scrollY].join())) !== before) await page.waitForTimeout(SCROLL_SETTLE_MS);
      return original(selector, options);
    };
  }
}

export async function runJourney(browser, base, journey) {
  const touch = inputOf(journey) === 'touch';
  const context = await browser.newContext(touch ? PHONE : { viewport: { width: 1000, height: 700 } });
  await context.addInitScript(answeredVisitor); // the consent panel answered: journeys use the page
  const { detected, offers } = await recordEvents(context);
  await context.addInitScript(traceInput);
  const startedAt = Date.now();
  const page = await context.newPage();
  readLikeAPerson(page);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // What the SDK said in the console (js/src/log.js's prefix): a journey runs it quietly, and a
  // trap that turned it off explains a journey where nothing more was detected.
  const sdkMessages = [];
  page.on('console', (message) => message.text().startsWith('[friction]') && message.type() !== 'info' && sdkMessages.push(`${message.type()}: ${message.text()}`));
  await page.goto(base + journey.start);
  await page.waitForFunction(() => window.friction && window.friction.ready);
  // Started, listeners included (the SDK wires itself in a few short tasks): the corpus measures
  // detection, not a visitor acting in the page's first milliseconds.
  await page.evaluate(() => window.friction.ready);
  const runAt = Date.now();
  await journey.run(page);
  const trace = await traceOf(page);
  await context.close();
  // The time of the journey's own steps, and of opening its first page (the corpus's budget).
  const ms = { open: runAt - startedAt, run: Date.now() - runAt };
  return { name: journey.name, input: inputOf(journey), expected: journey.expected, detected, offers, pageErrors, sdkMessages, ms, trace };
}

// Journeys mostly wait (for a dead click's window, a hesitation, a slow answer): two run side by
// side, each in its own context. CORPUS_LANES=1 runs them one by one.
const LANES = Math.max(1, Number(process.env.CORPUS_LANES) || 2);

// A journey is a timed script on a shared machine: on two busy cores one now and then comes out
// otherwise than it does alone (in full local runs under load, the phone fling journey and a
// phone form struggle; in CI, a scroll-thrash journey; each passes run alone). A journey whose result differs from its labels
// is run once more and its second result counts; the first is kept (firstAttempt) and printed.
// A detector that truly misses misses twice.
export const ATTEMPTS = 2;

async function runOrReport(browser, base, journey) {
  try {
    return await runJourney(browser, base, journey);
  } catch (error) { // a journey that cannot run is reported, not silently skipped
    return { name: journey.name, input: inputOf(journey), expected: journey.expected, detected: [], offers: [], pageErrors: [], sdkMessages: [], failed: String(error).split('\n')[0] };
  }
}

// As labelled: the kinds detected, each offer of help once, run to the end.
export const matchesLabels = (result) => !result.failed && !repeatedOffers(result.offers).length &&
  expectedKinds(result.expected) === detectedKinds(result.detected);

async function runAttempts(browser, base, journey) {
  let result = await runOrReport(browser, base, journey);
  for (let attempt = 2; attempt <= ATTEMPTS && !matchesLabels(result); attempt++) {
    const again = await runOrReport(browser, base, journey);
    result = { ...again, firstAttempt: result.firstAttempt || result };
  }
  return result;
}

export async function runCorpus(browser, base, { only } = {}) {
  const chosen = journeys.filter((journey) => !only || journey.name.includes(only));
  const results = new Array(chosen.length);
  let next = 0;
  const lane = async () => {
    while (next < chosen.length) {
      const index = next++;
      results[index] = await runAttempts(browser, base, chosen[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, chosen.length) }, lane));
  return results;
}

// Offers of help closer than this on one step and element count as one episode offered twice.
export const OFFER_EPISODE_MS = 5000;

// The offers that repeat an earlier one for the same episode (same step and element, within
// OFFER_EPISODE_MS): a compound friction gets at most one offer (issue 16).
export function repeatedOffers(offers) {
  const last = new Map();
  const repeats = [];
  for (const offer of [...offers].sort((a, b) => a.at - b.at)) {
    const key = `${offer.step}|${JSON.stringify(offer.target)}`;
    if (last.has(key) && offer.at - last.get(key) < OFFER_EPISODE_MS) repeats.push(offer);
    last.set(key, offer.at);
  }
  return repeats;
}

// The journeys that count for a kind: labelled with it, per input and overall.
export function countsOf(results) {
  const perKind = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  for (const { expected } of results) for (const kind of KINDS) if (expected[kind]) perKind[kind] += 1;
  return perKind;
}

export function score(results) {
  const perKind = Object.fromEntries(KINDS.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }]));
  for (const { expected, detected } of results) {
    for (const kind of KINDS) {
      const want = expected[kind] || 0;
      const got = detected.filter((d) => d.kind === kind).length;
      perKind[kind].tp += Math.min(want, got);
      perKind[kind].fp += Math.max(0, got - want);
      perKind[kind].fn += Math.max(0, want - got);
    }
  }
  for (const counts of Object.values(perKind)) {
    counts.precision = counts.tp + counts.fp ? counts.tp / (counts.tp + counts.fp) : 1;
    counts.recall = counts.tp + counts.fn ? counts.tp / (counts.tp + counts.fn) : 1;
  }
  return perKind;
}

const kindsOf = (list) => list.sort().join(', ') || 'nothing';
export const expectedKinds = (expected) => kindsOf(Object.entries(expected).flatMap(([kind, n]) => Array(n).fill(kind)));
export const detectedKinds = (detected) => kindsOf(detected.map((d) => d.kind));

// One journey's result against its labels, with what the SDK said and its last page saw.
export const describeResult = ({ name, input, expected, detected, trace, sdkMessages, failed }) =>
  `- [${input}] ${name}: expected ${expectedKinds(expected)}; detected ${detectedKinds(detected)}` +
  `${failed ? ` (could not run: ${failed})` : ''}\n` +
  `  the SDK said: ${sdkMessages.join(' | ') || 'nothing'}\n  its last page saw: ${trace || '(nothing)'}`;

// The journeys whose detections differ from their labels.
export function describeMisses(results) {
  return results.filter((result) => expectedKinds(result.expected) !== detectedKinds(result.detected))
    .map(describeResult).join('\n');
}

// The journeys that matched their labels only when run again, as their first run went.
export function describeRetried(results) {
  return results.filter((result) => result.firstAttempt).map((result) => describeResult(result.firstAttempt)).join('\n');
}

export function formatTable(perKind, title = '') {
  const lines = [...(title ? [title] : []), '| kind | TP | FP | FN | precision | recall |', '|---|---|---|---|---|---|'];
  for (const [kind, c] of Object.entries(perKind)) {
    lines.push(`| ${kind} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} |`);
  }
  return lines.join('\n');
}
