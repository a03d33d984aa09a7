// All DOM capture, started and stopped together. Every listener is passive and guarded: a
// failure in capture is reported once and never reaches the page.
import { guarded } from '../log.js';
import { captureErrorsAndRequests } from './errors_and_requests.js';
import { captureEventTiming } from './event_timing.js';
import { captureForms } from './forms.js';
import { capturePage } from './page.js';
import { capturePointer } from './pointer.js';

export function startCapture(recorder, targets) {
  const removers = [];
  const on = (where, type, listener) => {
    const options = { capture: true, passive: true };
    const safe = guarded(listener, `${type} capture`);
    where.addEventListener(type, safe, options);
    removers.push(() => where.removeEventListener(type, safe, options));
  };
  capturePointer(recorder, targets, on);
  removers.push(capturePage(recorder, targets, on));
  removers.push(captureForms(recorder, targets, on));
  removers.push(captureEventTiming(recorder, targets));
  const pageFetch = captureErrorsAndRequests(recorder, on);
  return { pageFetch, stop: () => removers.forEach((remove) => remove()) };
}
