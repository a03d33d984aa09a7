#!/usr/bin/env node
// What the SDK costs a cold page as a visitor's browser runs it: no DevTools attached. The other
// benches drive Chromium through the DevTools protocol, and with its Network domain on, Chromium
// records the JavaScript stack of every request a script starts, for which V8 re-parses the
// functions on that stack (V8.CollectSourcePositions): a cost of measuring, not of the SDK, and
// the largest part of friction.js's evaluation there. Here Chromium traces itself from its start
// (--trace-startup), pinned to one core, on a first visit to the demo's /product/1001 (the worst
// case: nothing compiled before, the consent panel shown), and this prints
//  - the main-thread tasks that evaluate or compile the SDK's files;
//  - every main-thread task over 5 ms of CPU from friction.js's evaluation on, the page's own
//    included, and how many passed 10 ms (issue 17's bar: no piece of the SDK over 10 ms).
// Usage: node tests/bench/peers/script_eval_no_devtools.mjs [--runs 5]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, startCollector } from '../../e2e/harness.mjs';
import { CORE } from './one_core_chromium.mjs';
import { describeTask, sdkMicros, topLevelTasks } from './main_thread.mjs';
import { median } from './stats.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const TRACE_MS = 5000;
// toplevel: the tasks; the devtools.timeline ones: the script events inside them that name a
// file (FunctionCall, TimerFire...); v8.wasm: the wasm functions compiled at their first call.
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,v8.wasm,blink,loading';
const PIECE_BAR_MS = 10;

const EVALUATES = new Set(['EvaluateScript', 'v8.evaluateModule', 'v8.compileModule']);

// The renderer main thread that ran friction.js, its complete events sorted by start.
function sdkMainThread(traceEvents) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain'
    && traceEvents.some((x) => x.pid === e.pid && x.name === 'EvaluateScript' && JSON.stringify(x.args).includes('/dist/friction')));
  if (!main) return [];
  return traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

const TASK_NAMES = ['ThreadControllerImpl::RunTask', 'RunTask'];

// The top-level tasks, each with the events inside it: [{ task, events }], one pass over the
// sorted events.
function tasksWithEvents(onMain) {
  const tasks = topLevelTasks(onMain, TASK_NAMES).map((task) => ({ task, events: [] }));
  let current = 0;
  for (const e of onMain) {
    while (current < tasks.length && e.ts >= tasks[current].task.ts + tasks[current].task.dur) current++;
    if (current === tasks.length) break;
    const { task, events } = tasks[current];
    if (e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur) events.push(e);
  }
  return tasks;
}

// The tasks that evaluate or compile one of the SDK's files, as { what, wallMs, cpuMs }.
function evaluationPieces(tasks) {
  const pieces = [];
  for (const { task, events } of tasks) {
    // Only the evaluation names a file: a parser task that merely requests friction.js is the
    // page's.
    const runner = events.find((e) => EVALUATES.has(e.name) && /\/dist\/friction/.test(JSON.stringify(e.args)));
    if (!runner) continue;
    const file = JSON.stringify(runner.args).match(/\/dist\/(friction[\w.-]*)/)[1].replace(/-[A-Z0-9]{8}\.mjs$/, '.mjs');
    pieces.push({ what: `${runner.name} ${file}`, wallMs: task.dur / 1000, cpuMs: (task.tdur || 0) / 1000 });
  }
  return pieces;
}

// Every task from friction.js's evaluation on: { startMs, cpuMs, sdkCpuMs, wasmCompiles, event,
// url, at }. Not every task of the SDK names it: a promise continuation (most of its start-up
// resumes so) runs in a microtask checkpoint with no event that names a script, so a task also
// counts as the SDK's when the page's main thread compiled a wasm function in it (only the SDK
// runs wasm on the demo's pages), and the bar below is held against every task, the page's own
// included.
function tasksFromSdkStart(tasks, onMain) {
  const first = tasks.findIndex(({ events }) => sdkMicros(events) > 0);
  if (first < 0) return [];
  return tasks.slice(first).map(({ task, events }) => ({
    ...describeTask(task, onMain, task.dur / 1000),
    startMs: (task.ts - tasks[0].task.ts) / 1000,
    cpuMs: (task.tdur ?? task.dur) / 1000,
    sdkCpuMs: sdkMicros(events) / 1000,
    wasmCompiles: events.filter((e) => e.name === 'wasm.CompileLazy').length,
  }));
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
const runsTasks = [];
try {
  for (let run = 0; run < Number(args.runs); run++) {
    const traceFile = join(dir, `trace-${run}.json`);
    rmSync(join(dir, 'profile'), { recursive: true, force: true });
    const traceEvents = await traceOnce(traceFile);
    const onMain = sdkMainThread(traceEvents);
    const tasks = tasksWithEvents(onMain);
    const pieces = evaluationPieces(tasks);
    if (!pieces.length) console.log(`run ${run + 1}: no SDK task in the trace`);
    else runsTasks.push(tasksFromSdkStart(tasks, onMain));
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

// The tasks from the SDK's start on, over the runs: how many are the SDK's, and each over
// SHOWN_MS with what ran in it.
const SHOWN_MS = 5;
const fixed = (ms) => ms.toFixed(1);
const isSdk = (t) => t.sdkCpuMs > 0 || t.wasmCompiles > 0;
const where = (t) => `${t.event}${t.url ? ` ${t.url.replace(/.*\/dist\//, '').replace(/^https?:\/\/[^/]+/, '')}` : ''}${t.at ? `:${t.at}` : ''}`;
console.log(`\nMain-thread tasks from friction.js's evaluation to ${TRACE_MS / 1000} s after the browser's start, ${runsTasks.length} loads`);
console.log(`a load: median ${median(runsTasks.map((t) => t.length))} tasks, of them named the SDK's (an event naming its files, or a wasm compile) ${median(runsTasks.map((t) => t.filter(isSdk).length))}, with ${fixed(median(runsTasks.map((t) => t.filter(isSdk).reduce((sum, x) => sum + x.cpuMs, 0))))} ms of CPU`);
const all = runsTasks.flat();
const over = (ms) => all.filter((t) => t.cpuMs > ms);
console.log(`tasks over ${PIECE_BAR_MS} ms of CPU: ${over(PIECE_BAR_MS).length} (the SDK's ${over(PIECE_BAR_MS).filter(isSdk).length}); over ${SHOWN_MS} ms:`);
console.log('  load  at, ms   CPU   wall  SDK-named CPU  wasm compiled  what (longest event, script)   (at: since the renderer\'s first task)');
for (const [load, tasks] of runsTasks.entries()) {
  for (const t of tasks.filter((x) => x.cpuMs > SHOWN_MS)) {
    console.log(`  ${String(load + 1).padStart(4)} ${fixed(t.startMs).padStart(7)} ${fixed(t.cpuMs).padStart(5)} ${fixed(t.ms).padStart(6)} ${fixed(t.sdkCpuMs).padStart(14)} ${String(t.wasmCompiles).padStart(14)}  ${where(t)}`);
  }
}
