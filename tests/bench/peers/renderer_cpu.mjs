// The CPU time of Chromium's renderer main threads, read from Linux's scheduler statistics
// rather than from a trace. A CDP trace costs the traced page itself: every small listener call
// and task is recorded, which made the SDK's listeners look about ten times their cost in the
// side-by-side bench (README, "real listener costs"). /proc/<pid>/schedstat is the nanoseconds
// the process's main thread (CrRendererMain, the thread group's leader) has run on a CPU,
// whoever looks. Read every POLL_MS, so that a renderer that exits during a journey (a page
// evicted from the back-forward cache) keeps what it ran until its last reading.
import { readdirSync, readFileSync } from 'node:fs';

const POLL_MS = 25;

const readOr = (path, fallback) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
};

// pid -> nanoseconds its main thread has run, for every renderer process of Chromium running.
export function rendererMainThreads() {
  const threads = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = readOr(`/proc/${entry}/cmdline`, '');
    // Web pages' renderers only: not the one of the browser's own UI (top-chrome WebUI).
    if (!cmdline.includes('--type=renderer') || cmdline.includes('--top-chrome-webui')) continue;
    const ran = Number(readOr(`/proc/${entry}/schedstat`, '').split(' ')[0]);
    if (Number.isFinite(ran)) threads.set(entry, ran);
  }
  return threads;
}

// Starts counting now. stop() -> { cpuMs: what every renderer main thread ran since, summed;
// renderers: how many ran meanwhile; exited: how many of them exited before stop() }.
export function startRendererCpu() {
  const first = rendererMainThreads();
  const last = new Map(first);
  // Returns the renderers running now.
  const poll = () => {
    const running = rendererMainThreads();
    for (const [pid, ran] of running) last.set(pid, ran);
    return running;
  };
  const timer = setInterval(poll, POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      const running = poll();
      let ns = 0;
      let renderers = 0;
      let exited = 0;
      for (const [pid, ran] of last) {
        const since = ran - (first.get(pid) ?? 0);
        if (since <= 0) continue;
        ns += since;
        renderers += 1;
        if (!running.has(pid)) exited += 1;
      }
      return { cpuMs: ns / 1e6, renderers, exited };
    },
  };
}
