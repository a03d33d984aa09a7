// The side-by-side bench's run-by-run ratios (tests/bench/peers/report.mjs) on made-up results:
// each run is judged against its own baseline and its own lightest peer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratiosByRun } from '../bench/peers/report.mjs';

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
