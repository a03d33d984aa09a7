#!/usr/bin/env node
// What evaluating the SDK's scripts costs a cold page as a visitor's browser runs it: no DevTools
// attached. The other benches drive Chromium through the DevTools protocol, and with its Network
// domain on, Chromium records the JavaScript stack of every request a script starts, for which
// V8 re-parses the functions on that stack (V8.CollectSourcePositions): a cost of measuring, not
// of the SDK, and the largest part of friction.js's evaluation there. Here Chromium traces
// itself from its start (--trace-startup), pinned to one core, on a first visit to the demo's
// /product/1001, and this prints the main-thread tasks that evaluate or compile the SDK's files
// (not the later tasks its code runs in, such as promise continuations, which the other
// benches name from DevTools' detailed timeline events). Usage: node tests/bench/peers/script_eval_no_devtools.mjs [--runs 5]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, startCollector } from '../../e2e/harness.mjs';
import { CORE } from './one_core_chromium.mjs';
import { median } from './stats.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const TRACE_MS = 5000;
const CATEGORIES = 'toplevel,devtools.timeline,v8,blink,loading';

const EVALUATES = new Set(['EvaluateScript', 'v8.evaluateModule', 'v8.compileModule']);

// The main thread's top-level tasks that evaluate or compile one of the SDK's files, as
// { what, wallMs, cpuMs }.
function sdkPiecesOf(traceEvents) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain'
    && traceEvents.some((x) => x.pid === e.pid && x.name === 'EvaluateScript' && JSON.stringify(x.args).includes('/dist/friction')));
  if (!main) return [];
  const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const pieces = [];
  for (const task of tasks) {
    // Only the evaluation names a file: a parser task that merely requests friction.js is the
    // page's.
    const runner = onMain.find((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur
      && EVALUATES.has(e.name) && /\/dist\/friction/.test(JSON.stringify(e.args)));
    if (!runner) continue;
    const file = JSON.stringify(runner.args).match(/\/dist\/(friction[\w.-]*)/)[1].replace(/-[A-Z0-9]{8}\.mjs$/, '.mjs');
    pieces.push({ what: `${runner.name} ${file}`, wallMs: task.dur / 1000, cpuMs: (task.tdur || 0) / 1000 });
  }
  return pieces;
}

const collector = await startCollector();
const dir = mkdtempSync(join(tmpdir(), 'friction-startup-'));
// Chromium writes the trace after TRACE_MS but does not exit by itself: the file is read once
// it is whole, then the browser is stopped.
async function traceOnce(traceFile) {
  const browser = spawn('taskset', ['-c', CORE, '/usr/bin/chromium', ...CHROMIUM_FLAGS, `--user-data-dir=${join(dir, 'profile')}`,
    `--trace-startup=${CATEGORIES}`, '--trace-startup-format=json', `--trace-startup-file=${traceFile}`,
    `--trace-startup-duration=${TRACE_MS / 1000}`, `${collector.base}/product/1001`], { stdio: 'ignore', detached: true });
  try {
    for (const deadline = Date.now() + TRACE_MS + 30000; Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!existsSync(traceFile)) continue;
      try {
        return JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents;
      } catch {
        /* still being written */
      }
    }
    throw new Error(`no trace from Chromium in ${TRACE_MS + 30000} ms`);
  } finally {
    try {
      process.kill(-browser.pid, 'SIGKILL'); // the browser and every process it started
    } catch {
      /* gone already */
    }
  }
}

const byPiece = new Map();
try {
  for (let run = 0; run < Number(args.runs); run++) {
    const traceFile = join(dir, `trace-${run}.json`);
    rmSync(join(dir, 'profile'), { recursive: true, force: true });
    const traceEvents = await traceOnce(traceFile);
    const pieces = sdkPiecesOf(traceEvents);
    if (!pieces.length) console.log(`run ${run + 1}: no SDK task in the trace`);
    for (const piece of pieces) byPiece.set(piece.what, [...(byPiece.get(piece.what) || []), piece]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await collector.stop();
}

console.log(`Tasks evaluating the SDK's files on the main thread, first visit to /product/1001, ${args.runs} cold runs, Chromium pinned to core ${CORE}, no DevTools`);
console.log('task (its SDK event and file)                              count   CPU median   max   wall median');
for (const [what, pieces] of [...byPiece].sort((a, b) => median(b[1].map((p) => p.cpuMs)) - median(a[1].map((p) => p.cpuMs)))) {
  const cpu = pieces.map((p) => p.cpuMs);
  console.log(`${what.slice(0, 58).padEnd(58)} ${String(pieces.length).padStart(5)} ${median([...cpu]).toFixed(1).padStart(12)} ${Math.max(...cpu).toFixed(1).padStart(5)} ${median(pieces.map((p) => p.wallMs)).toFixed(1).padStart(13)}`);
}
