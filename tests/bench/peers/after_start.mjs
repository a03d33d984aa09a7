#!/usr/bin/env node
// What the SDK costs a later page of a visit once it has started, by part: the page's main-thread
// CPU from the moment `friction.ready` resolves to 1.2 s later, when nothing happens on the page,
// with the SDK's default settings and with its consent UI or help widget turned off. The page load
// itself is left out: its own work moves by several ms from one load to the next, which hides a
// part costing 1-2 ms; this window moves by well under one. Each run opens the shop's home page
// as a visitor who refused, then follows a link to a product page (a same-origin referrer, as a
// visit goes), traced; the settings, one set a lane, are interleaved in alternating order, and
// each lane is compared with the first, in the same run. --against DIR adds a lane with the
// default settings and another build: DIR holds that build's dist/ and a demo/ (a copy of the
// tree at another commit, say), served by a collector of its own.
// Usage: node tests/bench/peers/after_start.mjs [--runs 10] [--against DIR]
import { parseArgs } from 'node:util';
import { answeredVisitor, startCollector, withScriptSettings } from '../../e2e/harness.mjs';
import { benchHeader } from './bench_header.mjs';
import { launchOneCoreChromium } from './one_core_chromium.mjs';
import { median, ms, table } from './stats.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '10' }, against: { type: 'string' } } });
const WINDOW_MS = 1200;
const READY_MARK = 'friction-bench-ready';
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);

// The script tag's settings (data attributes) of each lane, and the tree it is served from
// (this one unless said); the first lane is the baseline.
const LANES = [
  ['defaults', {}],
  ['no help widget', { 'data-help-ui': 'off' }],
  ['no consent UI', { 'data-consent-ui': 'off' }],
  ['neither', { 'data-help-ui': 'off', 'data-consent-ui': 'off' }],
];
if (args.against) LANES.push([`defaults, ${args.against}`, {}, args.against]);

// { cpuMs, renderingMs, tasks } of the main thread in the window after ready, from the trace.
function afterReady(events) {
  const ready = events.find((e) => e.name === READY_MARK);
  if (!ready) throw new Error('the trace has no ready mark: the SDK did not start');
  const inWindow = (e) => e.ph === 'X' && e.tid === ready.tid && e.ts >= ready.ts && e.ts < ready.ts + WINDOW_MS * 1000;
  const tasks = events.filter((e) => inWindow(e) && e.name === 'ThreadControllerImpl::RunTask');
  const cpu = (list) => list.reduce((total, e) => total + (e.tdur || 0), 0) / 1000;
  return { cpuMs: cpu(tasks), renderingMs: cpu(events.filter((e) => inWindow(e) && RENDERING.has(e.name))), tasks: tasks.length };
}

async function laterPage(browser, collector, settings) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(answeredVisitor, 'none');
    await withScriptSettings(context, settings);
    const page = await context.newPage();
    await page.goto(`${collector.base}/`);
    await page.evaluate(() => window.friction.ready);
    await page.waitForTimeout(800); // the first page's idle work done
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/product/"]')]);
    await page.evaluate((mark) => window.friction.ready.then(() => performance.mark(mark)), READY_MARK);
    await page.waitForTimeout(WINDOW_MS + 200);
    await cdp.send('Tracing.end');
    await complete;
    return afterReady(events);
  } finally {
    await context.close();
  }
}

const collectors = new Map([[undefined, await startCollector()]]);
if (args.against) collectors.set(args.against, await startCollector({ serveFrom: args.against }));
const browser = await launchOneCoreChromium();
try {
  const runs = Number(args.runs);
  const results = new Map(LANES.map(([name]) => [name, []]));
  for (const [, settings, tree] of LANES) await laterPage(browser, collectors.get(tree), settings); // caches filled
  for (let run = 0; run < runs; run++) {
    for (const [name, settings, tree] of run % 2 ? [...LANES].reverse() : LANES) results.get(name).push(await laterPage(browser, collectors.get(tree), settings));
  }
  const medianOf = (name, key) => median(results.get(name).map((r) => r[key]));
  const [baseline] = LANES[0];
  console.log(benchHeader('friction after-start bench (tests/bench/peers/after_start.mjs)', `runs: ${runs} per lane, interleaved; a visitor who refused, a product page reached from the home page; window: ${WINDOW_MS} ms from friction.ready`));
  console.log();
  console.log(table(['lane', 'main-thread CPU ms', 'of it rendering', 'tasks', `CPU over "${baseline}"`], LANES.map(([name]) => [
    name, ms(medianOf(name, 'cpuMs')), ms(medianOf(name, 'renderingMs')), String(medianOf(name, 'tasks')),
    ms(medianOf(name, 'cpuMs') - medianOf(baseline, 'cpuMs')),
  ])));
} finally {
  await browser.close();
  for (const collector of collectors.values()) await collector.stop();
}
