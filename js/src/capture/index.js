// All DOM capture, started and stopped together. Every listener is passive and guarded: a
// failure in capture is reported and never reaches the page; a trap of the core turns the SDK
// off (guard: core_guard.js's).
import { captureErrorsAndRequests } from './errors_and_requests.js';
import { captureEventTiming } from './event_timing.js';
import { captureForms } from './forms.js';
import { capturePage } from './page.js';
import { capturePointer } from './pointer.js';
import { captureTouch } from './touch.js';

export function startCapture(recorder, targets, guard) {
  const removers = [];
  const on = (where, type, listener) => {
    const options = { capture: true, passive: true };
    const safe = guard(listener, `${type} capture`);
    where.addEventListener(type, safe, options);
    removers.push(() => where.removeEventListener(type, safe, options));
  };
  capturePointer(recorder, targets, on);
  captureTouch(recorder, targets, on);
  removers.push(capturePage(recorder, targets, on));
  removers.push(captureForms(recorder, targets, on));
  removers.push(captureEventTiming(recorder, targets, guard));
  const pageFetch = captureErrorsAndRequests(recorder, on, guard);
  return { pageFetch, stop: () => removers.forEach((remove) => remove()) };
}
