// The SDK's work in small pieces, with the page's own work first: no long task of ours.

// Work the page's start can do without runs when the main thread is idle, and at the latest
// after MAX_WAIT_MS (a page busy for that long still gets it).
const MAX_WAIT_MS = 2000;

// Safari has no requestIdleCallback: a timer stands in.
export function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: MAX_WAIT_MS });
  else setTimeout(callback, 1);
}

// Ends the current task so that the page's own work (input, rendering) can run first; resolves
// in a task of its own. scheduler.yield() keeps this task's place ahead of other queued work.
export function yieldToPage() {
  if (typeof scheduler === 'object' && scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
