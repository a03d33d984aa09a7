// Work the page's start can do without: run it when the main thread is idle, and at the
// latest after MAX_WAIT_MS (a page busy for that long still gets it). Safari has no
// requestIdleCallback: a timer stands in.
const MAX_WAIT_MS = 2000;

export function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: MAX_WAIT_MS });
  else setTimeout(callback, 1);
}
