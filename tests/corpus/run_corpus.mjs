// Runs every journey of the corpus in a fresh browser context and scores what the SDK told the
// page (`friction:detected`) against the labels: precision and recall per kind.
import { answeredVisitor } from '../e2e/harness.mjs';
import { journeys } from './journeys.mjs';

// The kinds the corpus labels (journeys.mjs), each held to its accuracy bar.
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

export async function runJourney(browser, base, journey) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  await context.addInitScript(answeredVisitor); // the consent panel answered: journeys use the page
  const { detected, offers } = await recordEvents(context);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(base + journey.start);
  await page.waitForFunction(() => window.friction && window.friction.ready);
  await journey.run(page);
  await context.close();
  return { name: journey.name, expected: journey.expected, detected, offers, pageErrors };
}

export async function runCorpus(browser, base, { only } = {}) {
  const results = [];
  for (const journey of journeys) {
    if (only && !journey.name.includes(only)) continue;
    results.push(await runJourney(browser, base, journey));
  }
  return results;
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

export function formatTable(perKind) {
  const lines = ['| kind | TP | FP | FN | precision | recall |', '|---|---|---|---|---|---|'];
  for (const [kind, c] of Object.entries(perKind)) {
    lines.push(`| ${kind} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} |`);
  }
  return lines.join('\n');
}
