// Reads a Chromium trace (CDP Tracing) into per-page main-thread costs of the page's renderer.
//
// Pages: a main-frame `navigationStart` (blink.user_timing) to an http URL starts a page; it
// runs until the next one. Thread: CrRendererMain of the process that navigated.
// Task time: top-level `RunTask` events (disabled-by-default-devtools.timeline), summed; a long
// task is one over 50 ms (the Long Tasks API's threshold). Each is measured twice: wall time
// (`dur`, what a visitor waits) and the thread's CPU time (`tdur`), which stays honest when
// another process takes the core (wall time then grows with every preemption).
// Script time: the union (nested events counted once) of the events that run JavaScript or
// prepare it: EvaluateScript, v8.evaluateModule, v8.compile, v8.compileModule, v8.produceCache,
// v8.produceModuleCache, FunctionCall, v8.callFunction, TimerFire, FireAnimationFrame,
// FireIdleCallback, RunMicrotasks, XHRReadyStateChange, XHRLoad, every v8.execute event
// (V8.Execute...), and WebAssembly compile/instantiate events (names starting v8.wasm or
// wasm.). EventDispatch itself is left out: its JS shows as FunctionCall inside it, the rest is
// the browser's default action, which happens with or without an SDK.
export const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing',
  'v8.wasm', // names the WebAssembly compile/instantiate steps inside tasks (attribution only)
];

export const LONG_TASK_MS = 50;
export const DETAIL_TASK_MS = 10;

const SCRIPT_NAMES = new Set([
  'EvaluateScript', 'v8.evaluateModule', 'v8.compile', 'v8.compileModule', 'v8.produceCache',
  'v8.produceModuleCache', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame',
  'FireIdleCallback', 'RunMicrotasks', 'XHRReadyStateChange', 'XHRLoad',
]);
const isScript = (e) => SCRIPT_NAMES.has(e.name) || e.cat.includes('v8.execute') || /^(v8\.wasm|wasm\.)/.test(e.name);

// Where a script event's code came from.
function scriptUrl(e) {
  const d = e.args?.data ?? e.args ?? {};
  return d.url || d.scriptName || d.fileName || d.stackTrace?.[0]?.url || d.frames?.[0]?.url || '';
}

// Sum of the lengths of a list of intervals sorted by start, overlaps counted once.
function unionMicros(events, start = (e) => e.ts, length = (e) => e.dur) {
  let total = 0;
  let end = -Infinity;
  for (const e of events) {
    const s = Math.max(start(e), end);
    const f = start(e) + length(e);
    if (f > s) total += f - s;
    end = Math.max(end, f);
  }
  return total;
}

// The top-level RunTask events of one thread's events sorted by start: a RunTask inside another
// (a nested loop) is part of its parent.
export function topLevelTasks(sortedEvents, taskNames = ['RunTask']) {
  const tasks = [];
  let taskEnd = -Infinity;
  for (const e of sortedEvents) {
    if (!taskNames.includes(e.name) || e.ts < taskEnd) continue;
    tasks.push(e);
    taskEnd = e.ts + e.dur;
  }
  return tasks;
}

export function pageNavigations(events) {
  return events
    .filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && /^https?:/.test(e.args.data.documentLoaderURL || ''))
    .map((e) => ({ ts: e.ts, pid: e.pid, url: e.args.data.documentLoaderURL }))
    .sort((a, b) => a.ts - b.ts);
}

// One entry per page: { path, taskMs, scriptMs, longTasks, longestMs, pieces: [...] }, each
// with its CPU twin; kinds: { [task kind]: { tasks, cpuMs } } (taskKinds); wasmCompiles and
// wasmCompileCpuMs: the wasm functions the main thread compiled. untilMs: count only the first untilMs of each page (the start-up bench).
export function mainThreadByPage(events, { untilMs = Infinity } = {}) {
  const navigations = pageNavigations(events);
  const pids = new Set(navigations.map((n) => n.pid));
  const mainThreads = new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
    .map((e) => `${e.pid}:${e.tid}`));
  const onMain = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const pages = navigations.map((n, i) => ({
    path: new URL(n.url).pathname, start: n.ts, end: Math.min(navigations[i + 1]?.ts ?? Infinity, n.ts + untilMs * 1000),
    taskMs: 0, scriptMs: 0, longTasks: 0, longestMs: 0,
    taskCpuMs: 0, scriptCpuMs: 0, longTasksCpu: 0, longestCpuMs: 0, pieces: [],
    kinds: {}, wasmCompiles: 0, wasmCompileCpuMs: 0,
  }));
  const pageAt = (ts) => {
    for (let i = pages.length - 1; i >= 0; i--) if (ts >= pages[i].start) return ts < pages[i].end ? pages[i] : null;
    return null;
  };
  const tasks = topLevelTasks(onMain);
  const scripts = onMain.filter(isScript);
  const kinds = taskKinds(tasks, onMain);
  for (const [i, task] of tasks.entries()) {
    const page = pageAt(task.ts);
    if (!page) continue;
    const ms = task.dur / 1000;
    page.taskMs += ms;
    page.longestMs = Math.max(page.longestMs, ms);
    if (ms > LONG_TASK_MS) page.longTasks += 1;
    const cpuMs = (task.tdur ?? task.dur) / 1000;
    page.taskCpuMs += cpuMs;
    page.longestCpuMs = Math.max(page.longestCpuMs, cpuMs);
    if (cpuMs > LONG_TASK_MS) page.longTasksCpu += 1;
    const kind = (page.kinds[kinds[i]] ??= { tasks: 0, cpuMs: 0 });
    kind.tasks += 1;
    kind.cpuMs += cpuMs;
    if (ms > DETAIL_TASK_MS || cpuMs > DETAIL_TASK_MS) page.pieces.push({ ...describeTask(task, onMain, ms), cpuMs: Math.round(cpuMs * 10) / 10 });
  }
  // V8 compiles a wasm function at its first call, on the calling thread: what the page's main
  // thread compiled is what no warm-up (and no earlier page of the same process) did for it.
  for (const e of onMain) {
    const page = e.name === 'wasm.CompileLazy' ? pageAt(e.ts) : null;
    if (!page) continue;
    page.wasmCompiles += 1;
    page.wasmCompileCpuMs += (e.tdur ?? e.dur) / 1000;
  }
  for (const page of pages) {
    const mine = scripts.filter((e) => e.ts >= page.start && e.ts < page.end);
    page.scriptMs = unionMicros(mine) / 1000;
    const timed = mine.filter((e) => typeof e.tts === 'number' && typeof e.tdur === 'number').sort((a, b) => a.tts - b.tts);
    page.scriptCpuMs = unionMicros(timed, (e) => e.tts, (e) => e.tdur) / 1000;
    delete page.start;
    delete page.end;
  }
  return pages;
}

// What each top-level task did, by its first event: 'EventDispatch(keydown)', 'TimerFire',
// 'RunYieldContinuation' (a scheduler.yield() resumed), 'v8.compileModule', ... and
// '(no traced event)' for a task with none inside it (loading and IPC plumbing). Read over the
// lane without an SDK, it says which kinds of task an SDK adds to a page.
function taskKinds(tasks, onMain) {
  const kinds = [];
  let next = 0;
  for (const task of tasks) {
    while (next < onMain.length && (onMain[next].ts < task.ts || onMain[next] === task)) next++;
    const first = onMain[next];
    if (!first || first.ts >= task.ts + task.dur) kinds.push('(no traced event)');
    else if (first.name === 'EventDispatch' && first.args?.data?.type) kinds.push(`EventDispatch(${first.args.data.type})`);
    else kinds.push(first.name);
  }
  return kinds;
}

// A task over DETAIL_TASK_MS: its longest direct child event and the script it ran.
export function describeTask(task, onMain, ms) {
  const end = task.ts + task.dur;
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
  let topEnd = -Infinity;
  let longest = null;
  for (const e of inside) {
    if (e.ts >= topEnd) {           // a direct child: not inside the previous direct child
      topEnd = e.ts + e.dur;
      if (!longest || e.dur > longest.dur) longest = e;
    }
  }
  const sdkCpu = sdkMicros(inside);
  const child = longest ?? task;
  const withUrl = eventWithUrl(child, inside);
  const data = withUrl?.args?.data ?? {};
  return {
    ms: Math.round(ms * 10) / 10,
    // An event's type says which listener ran (load, pointerdown, ...).
    event: child.name === 'EventDispatch' && child.args?.data?.type ? `EventDispatch(${child.args.data.type})` : child.name,
    eventMs: Math.round(child.dur / 100) / 10,
    url: withUrl ? scriptUrl(withUrl) : '',
    functionName: data.functionName || '',
    // Where in the script (1-based, as DevTools shows it): finds a minified function.
    at: Number.isInteger(data.lineNumber) ? `${data.lineNumber}:${data.columnNumber ?? 0}` : '',
    // The CPU of what ran this SDK's files (/dist/) in the task: a navigation's task also holds
    // the browser's own unload and commit work, of which the old page's pagehide listeners are
    // only a part.
    sdkCpuMs: Math.round(sdkCpu / 100) / 10,
  };
}

// The CPU (else wall) micros of the outermost events that name one of the SDK's files (the calls
// into its listeners and callbacks, its scripts' evaluation), each counted once with what runs
// inside it. events: one task's events, sorted by start.
export function sdkMicros(events) {
  let micros = 0;
  let sdkEnd = -Infinity;
  for (const e of events) {
    if (e.ts < sdkEnd || !scriptUrl(e).includes('/dist/')) continue;
    micros += e.tdur ?? e.dur;
    sdkEnd = e.ts + e.dur;
  }
  return micros;
}

// The event, or the first event inside it, that names a script.
function eventWithUrl(event, inside) {
  const end = event.ts + event.dur;
  return [event, ...inside.filter((e) => e.ts >= event.ts && e.ts + e.dur <= end)].find((e) => scriptUrl(e));
}

