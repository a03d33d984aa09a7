#!/usr/bin/env node
// What the SDK costs a later page of a visit once it has started, by part: the page's main-thread
// CPU from the moment `friction.ready` resolves to 1.2 s later, when nothing happens on the page,
// with the SDK's default settings, with its consent UI or help widget turned off, and for a
// visitor who accepted (with and without a batch of the page before to confirm). The page load
// itself is left out: its own work moves by several ms from one load to the next, which hides a
// part costing 1-2 ms; this window moves by well under one. Each run opens the shop's home page
// as the lane's visitor, then follows a link to a product page (a same-origin referrer, as a
// visit goes), traced; the lanes are interleaved in alternating order, and each is compared with
// the first, in the same run. --against DIR adds a lane with the default settings and another
// build: DIR holds that build's dist/ and a demo/ (a copy of the tree at another commit, say),
// served by a collector of its own; --lanes "defaults" keeps only the lanes named, for more runs
// of an A/B in the same time. Also printed: the CPU of evaluating friction.js on that page (the
// script's own start, before ready), which a change to friction.js's size can move.
// Usage: node tests/bench/peers/after_start.mjs [--runs 10] [--against DIR] [--lanes "a,b"]
import { parseArgs } from 'node:util';
import { answeredVisitor, startCollector, withScriptSettings } from '../../e2e/harness.mjs';
import { benchHeader } from './bench_header.mjs';
import { topLevelTasks } from './main_thread.mjs';
import { launchOneCoreChromium } from './one_core_chromium.mjs';
import { median, ms, table } from './stats.mjs';
import { startTrace } from './trace_session.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '10' }, against: { type: 'string' }, lanes: { type: 'string' } } });
const WINDOW_MS = 1200;
const READY_MARK = 'friction-bench-ready';
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);

// Each lane: the script tag's settings (data attributes), the visitor's answer ('none' unless
// said), whether the outbox is emptied as each page starts (so that the product page has no
// beaconed batch of the home page's to confirm: transport.js), and the tree it is served from
// (this one unless said). The first lane is the baseline.
const ALL_LANES = [
  { name: 'defaults', settings: {} },
  { name: 'no help widget', settings: { 'data-help-ui': 'off' } },
  { name: 'no consent UI', settings: { 'data-consent-ui': 'off' } },
  { name: 'neither', settings: { 'data-help-ui': 'off', 'data-consent-ui': 'off' } },
  { name: 'accepted', settings: {}, level: 'signals' },
  { name: 'accepted, nothing to confirm', settings: {}, level: 'signals', emptyOutbox: true },
];
const LANES = args.lanes ? ALL_LANES.filter((lane) => args.lanes.split(',').map((name) => name.trim()).includes(lane.name)) : ALL_LANES;
if (!LANES.length) throw new Error(`--lanes: none of ${ALL_LANES.map((lane) => lane.name).join(', ')}`);
if (args.against) LANES.push({ name: `defaults, ${args.against}`, settings: {}, tree: args.against });

// { cpuMs, renderingMs, tasks } of the page's main thread in the window after ready (top-level
// tasks, as main_thread.mjs counts them), and evaluateMs, the CPU of evaluating friction.js
// before it, from a browser-wide trace.
function measure(events) {
  const ready = events.find((e) => e.name === READY_MARK);
  if (!ready) throw new Error('the trace has no ready mark: the SDK did not start');
  const onPageThread = (e) => e.ph === 'X' && e.pid === ready.pid && e.tid === ready.tid;
  const inWindow = (e) => onPageThread(e) && e.ts >= ready.ts && e.ts < ready.ts + WINDOW_MS * 1000;
  const tasks = topLevelTasks(events.filter((e) => inWindow(e) && e.name === 'RunTask').sort((a, b) => a.ts - b.ts));
  const cpu = (list) => list.reduce((total, e) => total + (e.tdur ?? e.dur) / 1000, 0);
  const evaluations = events.filter((e) => onPageThread(e) && e.ts < ready.ts
    && e.name === 'EvaluateScript' && /\/friction\.js$/.test(e.args?.data?.url || ''));
  return {
    cpuMs: cpu(tasks), renderingMs: cpu(events.filter((e) => inWindow(e) && RENDERING.has(e.name))), tasks: tasks.length, evaluateMs: cpu(evaluations),
  };
}

async function laterPage(browser, collector, { settings, level = 'none', emptyOutbox = false }) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(answeredVisitor, level);
    await withScriptSettings(context, settings);
    if (emptyOutbox) await context.addInitScript(() => localStorage.removeItem('friction:outbox'));
    const page = await context.newPage();
    await page.goto(`${collector.base}/`);
    await page.evaluate(() => window.friction.ready);
    await page.waitForTimeout(800); // the first page's idle work done
    const trace = await startTrace(browser);
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/product/"]')]);
    await page.evaluate((mark) => window.friction.ready.then(() => performance.mark(mark)), READY_MARK);
    await page.waitForTimeout(WINDOW_MS + 200);
    return measure(await trace.stop());
  } finally {
    await context.close();
  }
}

const collectors = new Map([[undefined, await startCollector()]]);
if (args.against) collectors.set(args.against, await startCollector({ serveFrom: args.against }));
const browser = await launchOneCoreChromium();
try {
  const runs = Number(args.runs);
  const results = new Map(LANES.map((lane) => [lane.name, []]));
  for (const lane of LANES) await laterPage(browser, collectors.get(lane.tree), lane); // caches filled
  for (let run = 0; run < runs; run++) {
    for (const lane of run % 2 ? [...LANES].reverse() : LANES) results.get(lane.name).push(await laterPage(browser, collectors.get(lane.tree), lane));
  }
  const medianOf = (name, key) => median(results.get(name).map((r) => r[key]));
  const baseline = LANES[0].name;
  console.log(benchHeader('friction after-start bench (tests/bench/peers/after_start.mjs)', `runs: ${runs} per lane, interleaved; a visitor who refused unless said, a product page reached from the home page; window: ${WINDOW_MS} ms from friction.ready`));
  console.log();
  console.log(table(['lane', 'main-thread CPU ms', 'of it rendering', 'tasks', `CPU over "${baseline}"`, 'friction.js evaluation, CPU ms'], LANES.map(({ name }) => [
    name, ms(medianOf(name, 'cpuMs')), ms(medianOf(name, 'renderingMs')), String(medianOf(name, 'tasks')),
    ms(medianOf(name, 'cpuMs') - medianOf(baseline, 'cpuMs')), ms(medianOf(name, 'evaluateMs')),
  ])));
} finally {
  await browser.close();
  for (const collector of collectors.values()) await collector.stop();
}
