#!/usr/bin/env node
// The side-by-side bench of issue 17: the same scripted journeys on the demo shop with no SDK,
// with this SDK, with Datadog RUM and with posthog-js, in Chromium pinned to one core, lanes
// interleaved run by run so the machine's noise hits all alike. Not part of CI (slow, wants a
// quiet machine). Usage:
//   node tests/bench/peers/side_by_side.mjs [--runs 5] [--detail] [--json FILE]
//        [--lanes "no SDK,friction,..."] [--journeys "part of a name"] [--throttle 4] [--untraced]
// --untraced measures the main thread's CPU without a trace (renderer_cpu.mjs), which costs the
// page nothing, for the headline ratio only; the per-page and per-task tables need the trace.
// --throttle N runs the start-up bench instead (startup_throttled.mjs, the same options);
// --report FILE prints the tables again from a --json file, without running anything.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchHeader } from './bench_header.mjs';
import { laneNamesOf, withBenchRig } from './bench_rig.mjs';
import { JOURNEYS } from './journeys.mjs';
import { LANES } from './lanes.mjs';
import { printReport } from './report.mjs';
import { printUntracedReport } from './untraced_report.mjs';
import { runJourney } from './run_journey.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    detail: { type: 'boolean', default: false },
    json: { type: 'string' },
    lanes: { type: 'string' },
    journeys: { type: 'string' },
    throttle: { type: 'string' },
    report: { type: 'string' },
    untraced: { type: 'boolean', default: false },
  },
});

const print = (results, options) => (args.untraced ? printUntracedReport : printReport)(results, options);

if (args.report) {
  const { header, results, laneNames, journeyNames } = JSON.parse(readFileSync(args.report, 'utf8'));
  const lanes = laneNames ?? [...new Set(results.map((r) => r.lane))];
  const journeyList = journeyNames ?? [...new Set(results.map((r) => r.journey))];
  console.log(print(results, { laneNames: lanes, journeyNames: journeyList, header, detail: args.detail }));
  process.exit(0);
}

if (args.throttle) {
  const { runStartupBench } = await import('./startup_throttled.mjs');
  await runStartupBench(args);
  process.exit(0);
}

const runs = Math.max(1, Number(args.runs) || 5);
const laneNames = laneNamesOf(args.lanes);
if (!laneNames.includes('no SDK')) laneNames.unshift('no SDK'); // the baseline everything is measured over
const journeys = JOURNEYS.filter((j) => !args.journeys || j.name.includes(args.journeys));

const results = [];
await withBenchRig(async ({ browser, proxy }) => {
  for (let run = 1; run <= runs; run++) {
    for (const journey of journeys) {
      for (const lane of laneNames) {
        const started = Date.now();
        const record = { run, journey: journey.name, lane, peer: Boolean(LANES[lane].peer), pages: [], blocked: [], errors: [] };
        try {
          Object.assign(record, await runJourney(browser, proxy, LANES[lane], journey, { untraced: args.untraced }));
        } catch (error) {
          record.failed = String(error.message ?? error).split('\n')[0];
        }
        results.push(record);
        const total = args.untraced ? record.renderer?.cpuMs ?? NaN : record.pages.reduce((s, p) => s + p.taskMs, 0);
        process.stderr.write(`run ${run}/${runs} · ${journey.name} · ${lane}: ${record.failed ? `FAILED (${record.failed})` : `${record.pages.length} pages, main thread ${total.toFixed(0)} ms`} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      }
    }
  }
});

const header = benchHeader('friction side-by-side bench (tests/bench/peers/side_by_side.mjs)',
  `runs: ${runs} per lane, interleaved; journeys: ${journeys.map((j) => j.name).join(' | ')}; lanes: ${laneNames.join(', ')}${args.untraced ? '; untraced' : ''}`);
console.log(print(results, { laneNames, journeyNames: journeys.map((j) => j.name), header, detail: args.detail }));
if (args.json) {
  writeFileSync(args.json, JSON.stringify({ header, laneNames, journeyNames: journeys.map((j) => j.name), results }, null, 1));
  console.log(`\nraw numbers: ${args.json}`);
}
