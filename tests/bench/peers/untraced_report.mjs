// The tables of an untraced run (side_by_side.mjs --untraced): per lane, the CPU its renderer
// main threads ran over the no-SDK lane's, summed over the journeys (each journey the median of
// its runs), the ratio to the lightest peer, and that ratio run by run.
import { median, ms, sum, table } from './stats.mjs';
import { BASELINE, peerLanes } from './report.mjs';

const cpuOf = (record) => (record.failed || !record.renderer ? NaN : record.renderer.cpuMs);

// lane -> journey -> run -> CPU ms
function cpuByLane(results) {
  const out = new Map();
  for (const r of results) {
    if (!out.has(r.lane)) out.set(r.lane, new Map());
    const lane = out.get(r.lane);
    if (!lane.has(r.journey)) lane.set(r.journey, new Map());
    lane.get(r.journey).set(r.run, cpuOf(r));
  }
  return out;
}

// One lane's CPU on one journey: the median of its runs (run = null), or one run's.
function cpuOn(cpu, lane, journey, run = null) {
  const byRun = cpu.get(lane)?.get(journey) ?? new Map();
  return run === null ? median([...byRun.values()]) : byRun.get(run) ?? NaN;
}

// { lane: CPU over the baseline, summed over journeys }: of medians (run = null), or of one run.
function overBaseline(cpu, laneNames, journeyNames, run = null) {
  const over = (lane, journey) => cpuOn(cpu, lane, journey, run) - cpuOn(cpu, BASELINE, journey, run);
  return new Map(laneNames.map((lane) => [lane, sum(journeyNames.map((j) => over(lane, j)))]));
}

const lightestPeer = (over, peers) => Math.min(...peers.map((p) => over.get(p)).filter(Number.isFinite));

// lane -> { overMs, ratio, runRatios } for every lane but the baseline: its CPU over the
// baseline (medians), that over the lightest peer's, and the same ratio in each run on its own
// (over that run's baseline and lightest peer). A failed journey counts as no figure.
export function untracedSummary(results, { laneNames, journeyNames }) {
  const peers = peerLanes(results, laneNames);
  const cpu = cpuByLane(results);
  const runs = [...new Set(results.map((r) => r.run))].sort((a, b) => a - b);
  const over = overBaseline(cpu, laneNames, journeyNames);
  const perRun = runs.map((run) => overBaseline(cpu, laneNames, journeyNames, run));
  return new Map(laneNames.filter((lane) => lane !== BASELINE).map((lane) => [lane, {
    overMs: over.get(lane),
    ratio: over.get(lane) / lightestPeer(over, peers),
    runRatios: perRun.map((o) => o.get(lane) / lightestPeer(o, peers)),
  }]));
}

export function printUntracedReport(results, { laneNames, journeyNames, header }) {
  const peers = peerLanes(results, laneNames);
  const summary = untracedSummary(results, { laneNames, journeyNames });
  const cpu = cpuByLane(results);
  const baselineMs = sum(journeyNames.map((j) => cpuOn(cpu, BASELINE, j)));
  const fixed = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-');
  const lines = [header, ''];
  lines.push('Main-thread CPU without a trace: what the renderer main threads ran (Linux schedstat), in ms over the');
  lines.push('no-SDK lane, summed over the journeys (each journey the median of its runs); then the same as a ratio');
  lines.push('to the lightest peer, and that ratio run by run');
  lines.push(table(['lane', 'CPU ms over no SDK', 'ratio to lightest peer', 'run by run', 'renderers a journey (median)'],
    laneNames.map((lane) => {
      const renderers = String(median(results.filter((r) => r.lane === lane && r.renderer).map((r) => r.renderer.renderers)));
      if (lane === BASELINE) return [lane, `(baseline: ${ms(baselineMs)} ms)`, '', '', renderers];
      const { overMs, ratio, runRatios } = summary.get(lane);
      return [lane, ms(overMs), peers.length ? fixed(ratio) : '', peers.length ? runRatios.map(fixed).join(' ') : '', renderers];
    })));
  const failed = results.filter((r) => r.failed);
  if (failed.length) lines.push('', `failed: ${failed.map((r) => `${r.lane} / ${r.journey} / run ${r.run}: ${r.failed}`).join('; ')}`);
  return lines.join('\n');
}
