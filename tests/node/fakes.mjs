// What the browser would give the JS modules, made by hand for logic tests under Node: a
// Storage, a clock with timers that run when the test says, a fetch whose answers the test
// picks, and the console messages the modules write.

// The Storage interface (getItem, setItem, removeItem) over a Map.
export function memoryStorage() {
  const items = new Map();
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

// Time stands still until advance(ms), which runs the timers that fall due, in order.
export function fakeClock(start = Date.now()) {
  let now = start;
  let nextId = 1;
  const timers = new Map(); // id -> { at, run }
  return {
    now: () => now,
    setTimeout(run, ms) {
      timers.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id),
    pending: () => timers.size,
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
  };
}

// fetch that records each request and answers with answer(request): a Response, a status
// number, or a thrown error (a network failure). Unanswered requests stay pending when
// answer returns undefined.
export function fakeFetch(answer = () => 200) {
  const requests = [];
  const fetch = (url, init) => {
    const request = { url, init };
    requests.push(request);
    return new Promise((resolve, reject) => {
      let reply;
      try {
        reply = answer(request);
      } catch (error) {
        reject(error);
        return;
      }
      if (reply === undefined) return;
      resolve(typeof reply === 'number' ? new Response(null, { status: reply }) : reply);
    });
  };
  return { fetch, requests };
}

// Lets promise callbacks (a fetch's answer) run.
export const settle = () => new Promise((resolve) => setImmediate(resolve));

// The console's warnings and errors during a test, as joined strings, kept off the output.
export function consoleMessages(t) {
  const messages = { warn: [], error: [] };
  for (const level of ['warn', 'error'])
    t.mock.method(console, level, (...args) => messages[level].push(args.join(' ')));
  return messages;
}
