// Turns the runs into the printed tables: per SDK, the main-thread cost over the no-SDK
// baseline (medians over runs, per journey and per page), long tasks, bytes per page, bytes
// uploaded, and each SDK's ratios to the lightest peer.
import { basename } from 'node:path';
import { DETAIL_TASK_MS } from './main_thread.mjs';
import { kb, mean, median, ms, ratio, sum, table } from './stats.mjs';

export const BASELINE = 'no SDK';

const journeyTotals = (r) => ({
  taskMs: sum(r.pages.map((p) => p.taskMs)),
  scriptMs: sum(r.pages.map((p) => p.scriptMs)),
  taskCpuMs: sum(r.pages.map((p) => p.taskCpuMs)),
  scriptCpuMs: sum(r.pages.map((p) => p.scriptCpuMs)),
  longTasks: sum(r.pages.map((p) => p.longTasks)),
  longestMs: Math.max(0, ...r.pages.map((p) => p.longestMs)),
  uploadBytes: sum(r.pages.map((p) => p.uploadBytes)),
  pages: r.pages.length,
});

// lane -> journey -> [ok results over runs]
function byLaneAndJourney(results) {
  const out = new Map();
  for (const r of results) {
    if (r.failed) continue;
    if (!out.has(r.lane)) out.set(r.lane, new Map());
    const lane = out.get(r.lane);
    if (!lane.has(r.journey)) lane.set(r.journey, []);
    lane.get(r.journey).push(r);
  }
  return out;
}

// The numbers each SDK lane is judged by (null for a lane without a complete set).
export function summarise(results, laneNames, journeyNames) {
  const grouped = byLaneAndJourney(results);
  const base = grouped.get(BASELINE);
  const summary = new Map();
  for (const lane of laneNames) {
    const runs = grouped.get(lane);
    if (!runs) continue;
    const perJourney = journeyNames.map((journey) => {
      const mine = (runs.get(journey) ?? []).map(journeyTotals);
      const theirs = (base?.get(journey) ?? []).map(journeyTotals);
      return {
        journey,
        runs: mine.length,
        taskMs: median(mine.map((t) => t.taskMs)),
        scriptMs: median(mine.map((t) => t.scriptMs)),
        taskOver: median(mine.map((t) => t.taskMs)) - median(theirs.map((t) => t.taskMs)),
        scriptOver: median(mine.map((t) => t.scriptMs)) - median(theirs.map((t) => t.scriptMs)),
        cpuOver: median(mine.map((t) => t.taskCpuMs)) - median(theirs.map((t) => t.taskCpuMs)),
        scriptCpuOver: median(mine.map((t) => t.scriptCpuMs)) - median(theirs.map((t) => t.scriptCpuMs)),
        uploadBytes: median(mine.map((t) => t.uploadBytes)),
      };
    });
    const allPages = [...runs.values()].flat().flatMap((r) => r.pages);
    summary.set(lane, {
      lane,
      perJourney,
      taskOver: sum(perJourney.map((j) => j.taskOver)),
      scriptOver: sum(perJourney.map((j) => j.scriptOver)),
      cpuOver: sum(perJourney.map((j) => j.cpuOver)),
      scriptCpuOver: sum(perJourney.map((j) => j.scriptCpuOver)),
      longTasksPerPage: mean(allPages.map((p) => p.longTasks)),
      longTasksCpuPerPage: mean(allPages.map((p) => p.longTasksCpu)),
      longestCpuMs: Math.max(0, ...allPages.map((p) => p.longestCpuMs)),
      medianLongestCpuMs: median(allPages.map((p) => p.longestCpuMs)),
      pagesWithLongTask: mean(allPages.map((p) => (p.longTasks > 0 ? 1 : 0))),
      longestMs: Math.max(0, ...allPages.map((p) => p.longestMs)),
      medianLongestMs: median(allPages.map((p) => p.longestMs)),
      rawPerPage: median(allPages.map((p) => p.ownRaw)),
      brotliPerPage: median(allPages.map((p) => p.ownBrotli)),
      firstPageRaw: median([...runs.values()].flat().map((r) => r.pages[0]?.ownRaw)),
      firstPageBrotli: median([...runs.values()].flat().map((r) => r.pages[0]?.ownBrotli)),
      wirePerPage: median(allPages.map((p) => p.ownWire)),
      uploadPerJourney: median(perJourney.map((j) => j.uploadBytes)),
      uploadTotal: sum(perJourney.map((j) => j.uploadBytes)),
      blocked: median([...runs.values()].flat().map((r) => r.blocked.length)),
    });
  }
  return summary;
}

// The lanes of laneNames that are peers (their records say so), whom ratios are taken against.
export const peerLanes = (results, laneNames) => laneNames.filter((l) => results.find((r) => r.lane === l)?.peer);

// The main-thread CPU ratio of each lane that is not a peer to the lightest peer, run by run:
// each run (every lane once through every journey, interleaved) on its own, against that run's
// baseline and peers. Their spread says how far one run's ratio can be trusted.
export function ratiosByRun(results, laneNames, journeyNames) {
  const runs = [...new Set(results.map((r) => r.run))].sort((a, b) => a - b);
  const peers = peerLanes(results, laneNames);
  const ours = laneNames.filter((l) => l !== BASELINE && !peers.includes(l));
  const out = new Map(ours.map((l) => [l, []]));
  if (!peers.length) return out;
  for (const run of runs) {
    const summary = summarise(results.filter((r) => r.run === run), laneNames, journeyNames);
    const peerCpu = peers.map((p) => summary.get(p)?.cpuOver).filter(Number.isFinite);
    const lightest = peerCpu.length ? Math.min(...peerCpu) : NaN;
    for (const lane of ours) out.get(lane).push((summary.get(lane)?.cpuOver ?? NaN) / lightest);
  }
  return out;
}

function perPageRows(results, lanes, journeyNames) {
  const grouped = byLaneAndJourney(results);
  const base = grouped.get(BASELINE);
  const rows = [];
  for (const journey of journeyNames) {
    const baseRuns = base?.get(journey) ?? [];
    const pageCount = Math.max(0, ...lanes.map((l) => Math.max(0, ...(grouped.get(l)?.get(journey) ?? []).map((r) => r.pages.length))));
    for (let i = 0; i < pageCount; i++) {
      const baseTask = median(baseRuns.map((r) => r.pages[i]?.taskMs));
      const baseCpu = median(baseRuns.map((r) => r.pages[i]?.taskCpuMs));
      const path = [...(grouped.get(lanes[0])?.get(journey) ?? []), ...baseRuns].find((r) => r.pages[i])?.pages[i].path ?? '?';
      const cells = [`${journey} #${i + 1} ${path}`, ms(baseTask), ms(baseCpu)];
      for (const lane of lanes) {
        if (lane === BASELINE) continue;
        const runs = grouped.get(lane)?.get(journey) ?? [];
        const longTasks = mean(runs.map((r) => r.pages[i]?.longTasks ?? 0));
        cells.push(`${ms(median(runs.map((r) => r.pages[i]?.taskMs)) - baseTask)} / ${ms(median(runs.map((r) => r.pages[i]?.taskCpuMs)) - baseCpu)} / ${longTasks.toFixed(1)}`);
      }
      rows.push(cells);
    }
  }
  return rows;
}

// Where each lane's main-thread CPU goes, by kind of task (main_thread.mjs's taskKinds), and
// the wasm functions its main thread compiled: lane -> { kinds: Map(kind -> { tasks, cpuMs } a
// page), wasmCompiles: { first, later } (a page, first pages of a journey apart) }.
export function taskKindsByLane(results, laneNames) {
  const out = new Map();
  for (const lane of laneNames) {
    const pages = results.filter((r) => r.lane === lane && !r.failed).flatMap((r) => r.pages.map((p, i) => ({ ...p, first: i === 0 })));
    if (!pages.length) continue;
    const kinds = new Map();
    for (const page of pages) {
      for (const [kind, { tasks, cpuMs }] of Object.entries(page.kinds ?? {})) {
        const k = kinds.get(kind) ?? { tasks: 0, cpuMs: 0 };
        kinds.set(kind, { tasks: k.tasks + tasks / pages.length, cpuMs: k.cpuMs + cpuMs / pages.length });
      }
    }
    const compilesOf = (list) => (list.length ? mean(list.map((p) => p.wasmCompiles ?? 0)) : 0);
    out.set(lane, { kinds, wasmCompiles: { first: compilesOf(pages.filter((p) => p.first)), later: compilesOf(pages.filter((p) => !p.first)) } });
  }
  return out;
}

// The kinds of task in which `lane` spends the most CPU over the baseline, a page: [kind,
// ms over, tasks over], largest first.
export function kindsOverBaseline(byLane, lane, count = 12) {
  const mine = byLane.get(lane)?.kinds ?? new Map();
  const base = byLane.get(BASELINE)?.kinds ?? new Map();
  const zero = { tasks: 0, cpuMs: 0 };
  return [...new Set([...mine.keys(), ...base.keys()])]
    .map((kind) => [kind, (mine.get(kind) ?? zero).cpuMs - (base.get(kind) ?? zero).cpuMs, (mine.get(kind) ?? zero).tasks - (base.get(kind) ?? zero).tasks])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

export function printReport(results, { laneNames, journeyNames, header, detail }) {
  const out = [];
  const say = (s = '') => out.push(s);
  say(header);
  const summary = summarise(results, laneNames, journeyNames);
  const sdkLanes = laneNames.filter((l) => l !== BASELINE && summary.has(l));

  say('\nMain thread of the page (ms over the no-SDK baseline, summed over the journeys, each journey the median of its runs;');
  say('wall = what a visitor waits, CPU = the thread\'s own time, which another process on the core cannot inflate)');
  say(table(
    ['lane', 'main-thread wall', 'CPU', 'script wall', 'CPU', 'long tasks/page wall', 'CPU', 'pages with one', 'longest task wall', 'CPU', 'median page longest'],
    laneNames.filter((l) => summary.has(l)).map((l) => {
      const s = summary.get(l);
      const isBase = l === BASELINE;
      return [l, isBase ? '(baseline)' : ms(s.taskOver), isBase ? '' : ms(s.cpuOver), isBase ? '' : ms(s.scriptOver), isBase ? '' : ms(s.scriptCpuOver),
        s.longTasksPerPage.toFixed(2), s.longTasksCpuPerPage.toFixed(2), s.pagesWithLongTask.toFixed(2),
        ms(s.longestMs), ms(s.longestCpuMs), ms(s.medianLongestMs)];
    }),
  ));

  say('\nBytes (the SDK\'s own files per page load, median; brotli -q11 computed here; uploaded = request bodies to its collector)');
  say(table(
    ['lane', 'per page raw', 'brotli', 'first page raw', 'brotli', 'on the wire/page', 'uploaded/journey', 'uploaded, all journeys', 'blocked/journey'],
    laneNames.filter((l) => summary.has(l) && l !== BASELINE).map((l) => {
      const s = summary.get(l);
      return [l, `${kb(s.rawPerPage)} KB`, `${kb(s.brotliPerPage)} KB`, `${kb(s.firstPageRaw)} KB`, `${kb(s.firstPageBrotli)} KB`, `${kb(s.wirePerPage)} KB`,
        `${kb(s.uploadPerJourney)} KB`, `${kb(s.uploadTotal)} KB`, String(s.blocked)];
    }),
  ));

  say('\nThe SDK\'s files as pages loaded them (raw / brotli -q11; how many page loads downloaded each, and how many had it from the browser\'s cache, of all)');
  for (const lane of sdkLanes) {
    const loads = results.filter((r) => r.lane === lane && !r.failed).flatMap((r) => r.pages);
    const files = new Map();
    for (const f of loads.flatMap((p) => p.ownFiles ?? [])) {
      const name = f.path.replace(/^\/peers\//, '');
      if (!files.has(name)) files.set(name, { raw: null, brotli: 0, downloads: 0, cached: 0 });
      const file = files.get(name);
      if (f.cached) file.cached += 1;
      else file.downloads += 1;
      if (f.raw !== null && file.raw === null) Object.assign(file, { raw: f.raw, brotli: f.brotli });
    }
    say(`  ${lane}: ${[...files].map(([name, f]) => `${name} ${kb(f.raw ?? 0)}/${kb(f.brotli)} KB (${f.downloads}+${f.cached} cached/${loads.length})`).join(', ') || 'none'}`);
  }

  say('\nPer journey (median over runs; ms over the no-SDK baseline: main-thread wall / CPU / script CPU)');
  say(table(['journey', ...sdkLanes], journeyNames.map((j) => [j, ...sdkLanes.map((l) => {
    const pj = summary.get(l).perJourney.find((x) => x.journey === j);
    return `${ms(pj.taskOver)} / ${ms(pj.cpuOver)} / ${ms(pj.scriptCpuOver)}`;
  })])));

  say('\nPer page (median over runs; baseline in ms, the others over it: main-thread wall / CPU / long tasks per load)');
  say(table(['page', 'no SDK wall', 'CPU', ...sdkLanes], perPageRows(results, [BASELINE, ...sdkLanes], journeyNames)));

  // Ratios to the lightest peer, each measure against the peer lightest in that measure.
  const peers = peerLanes(results, sdkLanes);
  const measures = [
    ['main-thread', (s) => s.taskOver], ['main-thread CPU', (s) => s.cpuOver], ['script', (s) => s.scriptOver],
    ['script CPU', (s) => s.scriptCpuOver], ['long tasks/page', (s) => s.longTasksPerPage],
    ['long tasks/page CPU', (s) => s.longTasksCpuPerPage], ['longest task', (s) => s.longestMs], ['longest task CPU', (s) => s.longestCpuMs], ['bytes/page brotli', (s) => s.brotliPerPage], ['first page brotli', (s) => s.firstPageBrotli],
    ['uploaded', (s) => s.uploadPerJourney],
  ];
  if (peers.length) {
    say('\nRatios to the lightest peer (per measure, the peer lowest in it)');
    for (const lane of sdkLanes.filter((l) => !peers.includes(l))) {
      say(`${lane} / lightest peer:`);
      for (const [name, f] of measures) {
        const lightest = peers.reduce((best, p) => (f(summary.get(p)) < f(summary.get(best)) ? p : best), peers[0]);
        say(`  ${name.padEnd(20)} ${ratio(f(summary.get(lane)), f(summary.get(lightest))).padStart(6)}  (${lightest})`);
      }
    }
  }

  const byRun = ratiosByRun(results, laneNames, journeyNames);
  if (peers.length && [...byRun.values()].some((r) => r.length > 1)) {
    say('\nMain-thread CPU / lightest peer, each run on its own (its spread is the noise of one run\'s ratio)');
    for (const [lane, values] of byRun) say(`  ${lane.padEnd(24)} ${values.map((v) => (Number.isFinite(v) ? v.toFixed(2) : '-')).join('  ')}`);
  }

  const failures = results.filter((r) => r.failed);
  if (failures.length) {
    say('\nFailed runs (the other lanes still count)');
    for (const f of failures) say(`  ${f.lane} · ${f.journey} · run ${f.run}: ${f.failed}`);
  }
  const noisy = new Map();
  for (const r of results) for (const e of r.errors ?? []) noisy.set(`${r.lane}: ${e}`, (noisy.get(`${r.lane}: ${e}`) ?? 0) + 1);
  if (noisy.size) {
    say('\nConsole errors, page errors and route errors seen (count over all runs)');
    for (const [e, n] of [...noisy].slice(0, 30)) say(`  ${n}x ${e}`);
  }
  const blocked = new Map();
  for (const r of results) for (const b of r.blocked ?? []) blocked.set(`${r.lane}: ${b}`, (blocked.get(`${r.lane}: ${b}`) ?? 0) + 1);
  if (blocked.size) {
    say('\nBlocked outside requests (count over all runs)');
    for (const [b, n] of blocked) say(`  ${n}x ${b}`);
  }
  if (detail && summary.has(BASELINE)) {
    const byLane = taskKindsByLane(results, laneNames);
    say('\nWhere each lane\'s extra main-thread CPU goes, by the kind of task (its first event): ms of CPU a page over the no-SDK lane, and tasks a page over it');
    for (const lane of sdkLanes) {
      say(`  ${lane}: ${kindsOverBaseline(byLane, lane).map(([kind, cpu, tasks]) => `${kind} ${cpu.toFixed(1)} (${tasks >= 0 ? '+' : ''}${tasks.toFixed(1)})`).join(', ')}`);
    }
    say('\nWasm functions compiled on the page\'s main thread, a page (V8 compiles each at its first call; a journey\'s first page apart from its later ones)');
    say(table(['lane', 'first page', 'later pages'], sdkLanes.filter((l) => byLane.has(l)).map((l) => [l, byLane.get(l).wasmCompiles.first.toFixed(0), byLane.get(l).wasmCompiles.later.toFixed(1)])));
  }
  if (detail) {
    // By CPU time: on a shared core a task's wall time grows with every preemption, its CPU
    // time does not, so these are the pieces that are long by themselves.
    say(`\nTasks over ${DETAIL_TASK_MS} ms of CPU (all runs), by lane: count, CPU and wall ms, the task's longest top-level event, its script and function ([SDK]: under /dist/, with the CPU of the task's events that ran the SDK's files)`);
    for (const lane of laneNames) {
      const pieces = results.filter((r) => r.lane === lane && !r.failed)
        .flatMap((r) => r.pages.flatMap((p) => p.pieces.filter((x) => x.cpuMs > DETAIL_TASK_MS).map((x) => ({ ...x, page: p.path }))));
      const groups = new Map();
      for (const p of pieces) {
        // No URL: code without a script file, e.g. Playwright's own injected script, which runs
        // once a page in every lane alike.
        const script = p.url ? `${basename(new URL(p.url, 'http://x/').pathname)}${p.at ? `:${p.at}` : ''}` : '(no URL)';
        const key = `${p.event} ${script}${p.functionName ? ` ${p.functionName}` : ''} on ${p.page}${p.url.includes('/dist/') ? '  [SDK]' : ''}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(p);
      }
      const sdkOver = pieces.filter((p) => (p.sdkCpuMs ?? 0) > DETAIL_TASK_MS).length;
      say(`  ${lane}: ${pieces.length} tasks over ${DETAIL_TASK_MS} ms of CPU; in ${sdkOver} of them the SDK's own events took over ${DETAIL_TASK_MS} ms`);
      for (const [key, list] of [...groups].sort((x, y) => Math.max(...y[1].map((p) => p.cpuMs)) - Math.max(...x[1].map((p) => p.cpuMs)))) {
        const cpu = list.map((p) => p.cpuMs);
        const wall = list.map((p) => p.ms);
        const sdk = list.map((p) => p.sdkCpuMs ?? 0);
        const own = key.endsWith('[SDK]') ? ` (the SDK's own events: median ${ms(median(sdk))} max ${ms(Math.max(...sdk))})` : '';
        say(`    ${String(list.length).padStart(3)}x  CPU median ${ms(median(cpu))} max ${ms(Math.max(...cpu))}, wall median ${ms(median(wall))}  ${key}${own}`);
      }
    }
  }
  return out.join('\n');
}
