// The side-by-side bench without a trace (side_by_side.mjs --untraced): the renderer CPU counter
// (tests/bench/peers/renderer_cpu.mjs) on real processes that call themselves renderers, and the
// report's arithmetic (untraced_report.mjs) on made-up results.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { startRendererCpu } from '../bench/peers/renderer_cpu.mjs';
import { untracedSummary } from '../bench/peers/untraced_report.mjs';

// A child process that runs `cpuMs` of CPU (by its own clock, however busy the machine) and
// exits; `args` end up in its command line, as Chromium's --type=renderer does in a renderer's.
function busyProcess(cpuMs, args) {
  const code = `const until = ${cpuMs} * 1000; for (let u = process.cpuUsage(); u.user + u.system < until; u = process.cpuUsage());`;
  return spawn(process.execPath, ['-e', code, '--', ...args], { stdio: 'ignore' });
}

test('counts what a renderer ran, also after it exited, and not what other processes ran', { skip: process.platform !== 'linux' }, async () => {
  const counter = startRendererCpu();
  const renderer = busyProcess(300, ['--type=renderer']);
  const other = busyProcess(300, ['--type=gpu-process']);
  await Promise.all([once(renderer, 'exit'), once(other, 'exit')]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const { cpuMs, renderers, exited } = counter.stop();
  assert.ok(cpuMs >= 250, `the renderer's 300 ms of CPU counted: ${cpuMs}`);
  assert.ok(cpuMs < 550, `the other process's not: ${cpuMs}`);
  assert.equal(renderers, 1);
  assert.equal(exited, 1);
});

// One journey's result in a lane and run, with this much renderer CPU; lanes named Peer… are peers.
const result = (run, lane, cpuMs, journey = 'buy') => ({ run, lane, journey, peer: lane.startsWith('Peer'), renderer: { cpuMs, renderers: 1, exited: 0 } });

test('each lane over the baseline, as a ratio to the lightest peer, overall and run by run', () => {
  const lanes = { laneNames: ['no SDK', 'friction', 'Peer A', 'Peer B'], journeyNames: ['buy'] };
  const results = [
    // Run 1: ours 40 over the baseline, peers 80 and 100 over it.
    result(1, 'no SDK', 100), result(1, 'friction', 140), result(1, 'Peer A', 180), result(1, 'Peer B', 200),
    // Run 2: everything slower; peer B is the lighter one this time.
    result(2, 'no SDK', 150), result(2, 'friction', 210), result(2, 'Peer A', 270), result(2, 'Peer B', 250),
    // Run 3: ours failed.
    result(3, 'no SDK', 120), { run: 3, lane: 'friction', journey: 'buy', failed: 'timeout' }, result(3, 'Peer A', 200), result(3, 'Peer B', 230),
  ];
  const friction = untracedSummary(results, lanes).get('friction');
  // Medians: baseline 120, ours 175 (of 140 and 210), peer A 200, peer B 230.
  assert.equal(friction.overMs, 55);
  assert.equal(friction.ratio.toFixed(3), (55 / 80).toFixed(3));
  assert.deepEqual(friction.runRatios.slice(0, 2).map((r) => r.toFixed(2)), ['0.50', '0.60']);
  assert.ok(Number.isNaN(friction.runRatios[2]), 'a failed run is no figure, not zero');
});

test('journeys add up, each the median of its own runs', () => {
  const lanes = { laneNames: ['no SDK', 'friction', 'Peer'], journeyNames: ['buy', 'read'] };
  const results = [
    result(1, 'no SDK', 100, 'buy'), result(1, 'friction', 130, 'buy'), result(1, 'Peer', 160, 'buy'),
    result(1, 'no SDK', 50, 'read'), result(1, 'friction', 60, 'read'), result(1, 'Peer', 90, 'read'),
  ];
  const friction = untracedSummary(results, lanes).get('friction');
  assert.equal(friction.overMs, 40);
  assert.equal(friction.ratio, 0.4);
});
