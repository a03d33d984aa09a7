// Uncaught errors and requests, as facts for error clicks and dead clicks: that an error
// happened (not its message), that a request started, and its status class when it ended
// (never its URL or body). fetch and XMLHttpRequest are wrapped the way RUM tools do; the
// wrappers call through untouched and never throw: what they record goes through guard
// (core_guard.js's), as a request's end may come when the core has trapped.
import { EventType, Flag } from '../ring_writer.js';

const statusClass = (status) => (status >= 200 && status < 600 ? Math.floor(status / 100) : 0);

export function captureErrorsAndRequests(recorder, on, guard) {
  on(window, 'error', (event) => {
    if (event instanceof ErrorEvent) recorder.note(EventType.jsError); // not a failed <img>
  });
  on(window, 'unhandledrejection', () => recorder.note(EventType.jsError, 0, Flag.errorRejection));

  let nextRequest = 1;
  const started = guard(() => {
    const id = nextRequest++;
    recorder.note(EventType.requestStart, 0, 0, id);
    return id;
  }, 'request capture');
  const ended = guard((id, status) => recorder.note(EventType.requestEnd, 0, 0, id, statusClass(status)), 'request capture');

  const originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    window.fetch = function fetchWithFacts(...args) {
      const id = started() || 0;
      const pending = originalFetch.apply(this, args);
      if (id) {
        pending.then((response) => ended(id, response.status), (error) => {
          if (!error || error.name !== 'AbortError') ended(id, 0);
        }).catch(() => {});
      }
      return pending;
    };
  }

  const xhr = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (xhr) {
    const originalSend = xhr.send;
    xhr.send = function sendWithFacts(...args) {
      try {
        const id = started();
        let aborted = false;
        this.addEventListener('abort', () => (aborted = true));
        if (id) this.addEventListener('loadend', () => aborted || ended(id, this.status));
      } catch { /* never in the way */ }
      return originalSend.apply(this, args);
    };
  }
  return originalFetch; // the transport sends with this, so its own requests are not facts
}
