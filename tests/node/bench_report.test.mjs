// The side-by-side bench's report (tests/bench/peers/report.mjs) on made-up results: run-by-run ratios,
// each run judged against its own baseline and its own lightest peer, and the kinds of task a lane adds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindsOverBaseline, ratiosByRun, taskKindsByLane } from '../bench/peers/report.mjs';

// One journey of one page in a lane and run, with this much main-thread CPU.
const result = (run, lane, cpuMs, peer = false) => ({
  run, lane, peer, journey: 'buy', blocked: [], errors: [],
  pages: [{ taskMs: cpuMs, scriptMs: 0, taskCpuMs: cpuMs, scriptCpuMs: 0, longTasks: 0, longTasksCpu: 0, longestMs: 0, longestCpuMs: 0, uploadBytes: 0 }],
});

test('each run gives its own ratio, over its own baseline, to the lighter peer of that run', () => {
  const results = [
    // Run 1: ours 40 over the baseline, peers 80 and 100 over it.
    result(1, 'no SDK', 100), result(1, 'friction', 140), result(1, 'Peer A', 180, true), result(1, 'Peer B', 200, true),
    // Run 2: a slower machine moment for everyone; peer B is the lighter one this time.
    result(2, 'no SDK', 150), result(2, 'friction', 210), result(2, 'Peer A', 270, true), result(2, 'Peer B', 250, true),
  ];
  const byRun = ratiosByRun(results, ['no SDK', 'friction', 'Peer A', 'Peer B'], ['buy']);
  assert.deepEqual([...byRun.keys()], ['friction']);
  assert.deepEqual(byRun.get('friction').map((r) => r.toFixed(2)), ['0.50', '0.60']);
});

test('a failed run of ours counts as no figure, not as zero', () => {
  const failed = { ...result(1, 'friction', 0), failed: 'timeout' };
  const results = [result(1, 'no SDK', 100), failed, result(1, 'Peer A', 180, true)];
  const [ratio] = ratiosByRun(results, ['no SDK', 'friction', 'Peer A'], ['buy']).get('friction');
  assert.ok(Number.isNaN(ratio));
});

test('the kinds of task a lane adds over the baseline, a page, largest first', () => {
  const page = (kinds, wasmCompiles = 0) => ({ ...result(1, 'x', 0).pages[0], kinds, wasmCompiles });
  const journey = (lane, pages) => ({ run: 1, lane, journey: 'buy', blocked: [], errors: [], pages });
  const results = [
    journey('no SDK', [page({ PrePaint: { tasks: 4, cpuMs: 8 } }), page({ PrePaint: { tasks: 4, cpuMs: 8 } })]),
    journey('friction', [
      page({ PrePaint: { tasks: 4, cpuMs: 9 }, RunYieldContinuation: { tasks: 6, cpuMs: 12 } }, 250),
      page({ PrePaint: { tasks: 4, cpuMs: 9 }, RunYieldContinuation: { tasks: 6, cpuMs: 4 }, TimerFire: { tasks: 2, cpuMs: 2 } }, 2),
    ]),
  ];
  const byLane = taskKindsByLane(results, ['no SDK', 'friction']);
  assert.deepEqual(kindsOverBaseline(byLane, 'friction').map(([kind, cpu, tasks]) => [kind, cpu, tasks]),
    [['RunYieldContinuation', 8, 6], ['PrePaint', 1, 0], ['TimerFire', 1, 1]]);
  assert.deepEqual(byLane.get('friction').wasmCompiles, { first: 250, later: 2 });
});
