// Sends compressed signal batches to the collector: fetch with keepalive while the page lives,
// sendBeacon when it is being hidden or unloaded. A batch that fails for a network or server
// reason is kept and retried; one the collector rejects (4xx) is dropped and reported.
import { log } from './log.js';

const MAX_RETRY_BATCHES = 5;

export class Transport {
  // fetch: the page's own fetch from before capture wrapped it, so sending is not a page fact.
  constructor(url, fetch = window.fetch) {
    this.url = url;
    this.fetch = fetch;
    this.retry = [];
  }

  send(frame, { leaving = false } = {}) {
    const frames = [...this.retry.splice(0), ...(frame ? [frame] : [])];
    for (const bytes of frames) {
      if (leaving && typeof navigator.sendBeacon === 'function') {
        // No content type: a Blob without one keeps the beacon a CORS "simple" request.
        if (navigator.sendBeacon(this.url, new Blob([bytes]))) continue;
      }
      this.post(bytes);
    }
  }

  post(bytes) {
    this.fetch.call(window, this.url, {
      method: 'POST',
      body: bytes,
      keepalive: true,
      credentials: 'omit',
      headers: { 'Content-Type': 'application/zstd' },
    })
      .then((response) => {
        if (response.status >= 500) this.keep(bytes);
        else if (!response.ok) log.warn(`the collector at ${this.url} refused a batch (HTTP ${response.status}).`);
      })
      .catch(() => this.keep(bytes));
  }

  keep(bytes) {
    if (this.retry.length < MAX_RETRY_BATCHES) this.retry.push(bytes);
  }
}
