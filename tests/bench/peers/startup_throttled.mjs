#!/usr/bin/env node
// The start-up path as a phone would see it: DevTools CPU throttling (x4 by default) on a cold
// load of /product/1001 in each lane, Chromium pinned to one core, lanes interleaved. Counts
// the page's main thread from navigation to the load event + 2 s: task time, longest task,
// tasks over 50 ms, and for this SDK the time until `friction.ready` resolves and every task
// over 10 ms with the script it ran. The wall columns are the phone's view. The CPU columns are
// the thread's time as the trace counts it (tdur): they rise under throttling too, but not
// when another process takes the core, so a wall/CPU gap far above the rate means a busy
// machine, not a slow SDK.
// Usage: node tests/bench/peers/startup_throttled.mjs [--runs 5] [--throttle 4] [--json FILE] [--lanes ...]
// (or side_by_side.mjs --throttle 4).
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { benchHeader } from './bench_header.mjs';
import { laneNamesOf, withBenchRig } from './bench_rig.mjs';
import { LANES, assertInstalled } from './lanes.mjs';
import { mainThreadByPage } from './main_thread.mjs';
import { blockOutside, newCounters } from './network.mjs';
import { visitorUserAgent } from './one_core_chromium.mjs';
import { median, ms, table } from './stats.mjs';
import { startTrace } from './trace_session.mjs';

const PAGE = '/product/1001';
const AFTER_LOAD_MS = 2000;

// Runs in the page before its scripts: notes when the SDK's `ready` resolves (ms since the
// navigation started), whenever window.friction becomes the object that has it.
function noteFrictionReady() {
  let value;
  Object.defineProperty(window, 'friction', {
    configurable: true,
    enumerable: true,
    get: () => value,
    set(next) {
      value = next;
      if (next && next.ready && typeof next.ready.then === 'function') {
        next.ready.then(() => { if (window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now(); }, () => {});
      }
    },
  });
}

async function startupOnce(browser, proxy, lane, rate) {
  assertInstalled(lane);
  const counters = newCounters();
  proxy.use(lane, counters);
  const context = await browser.newContext({ userAgent: visitorUserAgent(browser) });
  try {
    if (lane.initScript) await context.addInitScript(...lane.initScript);
    await context.addInitScript(noteFrictionReady);
    blockOutside(context, counters);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const trace = await startTrace(browser);
    let events;
    let loadMs;
    let readyMs;
    try {
      await page.goto(proxy.base + PAGE, { waitUntil: 'load' });
      loadMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
      await page.waitForTimeout(AFTER_LOAD_MS);
      readyMs = await page.evaluate(() => window.__benchReadyAt ?? null);
    } finally {
      events = await trace.stop();
    }
    const [start] = mainThreadByPage(events, { untilMs: loadMs + AFTER_LOAD_MS });
    if (!start) throw new Error('no navigation in the trace');
    return { ...start, loadMs, readyMs, blocked: counters.blocked, errors: counters.errors };
  } finally {
    proxy.use(null, null);
    await context.close().catch(() => {});
  }
}

export async function runStartupBench(args) {
  const runs = Math.max(1, Number(args.runs) || 5);
  const rate = Number(args.throttle) || 4;
  const laneNames = laneNamesOf(args.lanes);
  const results = [];
  await withBenchRig(async ({ browser, proxy }) => {
    for (let run = 1; run <= runs; run++) {
      for (const lane of laneNames) {
        const record = { run, lane };
        try {
          Object.assign(record, await startupOnce(browser, proxy, LANES[lane], rate));
        } catch (error) {
          record.failed = String(error.message ?? error).split('\n')[0];
        }
        results.push(record);
        process.stderr.write(`run ${run}/${runs} · ${lane}: ${record.failed ? `FAILED (${record.failed})` : `main thread ${record.taskMs.toFixed(0)} ms, longest ${record.longestMs.toFixed(0)} ms`}\n`);
      }
    }
  });

  const header = benchHeader(`friction start-up bench, CPU throttled x${rate} (tests/bench/peers/startup_throttled.mjs)`,
    `cold load of ${PAGE}, counted from navigation to load + ${AFTER_LOAD_MS / 1000} s; ${runs} runs per lane, interleaved; medians`);
  const out = [header, ''];
  const ok = (lane) => results.filter((r) => r.lane === lane && !r.failed);
  const base = ok('no SDK');
  const baseTask = median(base.map((r) => r.taskMs));
  const baseCpu = median(base.map((r) => r.taskCpuMs));
  out.push(table(
    ['lane', 'main-thread wall', 'over no SDK', 'CPU', 'over no SDK', 'script wall', 'longest task wall', 'CPU', 'tasks > 50 ms', 'load event', 'friction.ready'],
    laneNames.map((lane) => {
      const rs = ok(lane);
      if (!rs.length) return [lane, 'failed', '', '', '', '', '', '', '', '', ''];
      const task = median(rs.map((r) => r.taskMs));
      const cpu = median(rs.map((r) => r.taskCpuMs));
      const ready = rs.map((r) => r.readyMs).filter((x) => x !== null);
      return [lane, ms(task), lane === 'no SDK' ? '' : ms(task - baseTask), ms(cpu), lane === 'no SDK' ? '' : ms(cpu - baseCpu),
        ms(median(rs.map((r) => r.scriptMs))), ms(median(rs.map((r) => r.longestMs))), ms(median(rs.map((r) => r.longestCpuMs))),
        median(rs.map((r) => r.longTasks)).toString(), `${ms(median(rs.map((r) => r.loadMs)))} ms`,
        ready.length ? `${ms(median(ready))} ms` : (LANES[lane].ownUrl ? 'not resolved' : '')];
    }),
  ));
  for (const lane of laneNames.filter((l) => LANES[l].ownUrl)) {
    const pieces = ok(lane).flatMap((r) => r.pieces.map((p) => ({ ...p, run: r.run })));
    out.push(`\n${lane}: tasks over 10 ms wall (all runs), with the script they ran (the SDK's are under /dist/)`);
    const groups = new Map();
    for (const p of pieces) {
      const script = p.url ? `${basename(new URL(p.url, 'http://x/').pathname)}${p.at ? `:${p.at}` : ''}` : '(no URL)';
      const key = `${p.event} ${script}${p.functionName ? ` ${p.functionName}` : ''}${p.url.includes('/dist/') ? '  [SDK]' : ''}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    for (const [key, list] of [...groups].sort((a, b) => median(b[1].map((p) => p.ms)) - median(a[1].map((p) => p.ms)))) {
      out.push(`  ${String(list.length).padStart(3)}x  wall median ${ms(median(list.map((p) => p.ms)))} max ${ms(Math.max(...list.map((p) => p.ms)))}, CPU median ${ms(median(list.map((p) => p.cpuMs)))}  ${key}`);
    }
  }
  const failures = results.filter((r) => r.failed);
  if (failures.length) {
    out.push('\nFailed runs');
    for (const f of failures) out.push(`  ${f.lane} · run ${f.run}: ${f.failed}`);
  }
  console.log(out.join('\n'));
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({ header, results }, null, 1));
    console.log(`\nraw numbers: ${args.json}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, throttle: { type: 'string', default: '4' }, json: { type: 'string' }, lanes: { type: 'string' } },
  });
  await runStartupBench(values);
}
