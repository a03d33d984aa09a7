// Sends compressed signal batches to the collector: fetch with keepalive while the page lives,
// sendBeacon when it is being hidden or unloaded. A batch that fails for a network or server
// reason is kept and retried; one the collector rejects (4xx) is dropped and reported. Each
// batch that goes out is told to onSent, for the user's data receipt.
import { log } from './log.js';

const MAX_RETRY_BATCHES = 5;

export class Transport {
  // fetch: the page's own fetch from before capture wrapped it, so sending is not a page fact.
  constructor(url, { fetch = window.fetch, onSent = () => {} } = {}) {
    this.url = url;
    this.fetch = fetch;
    this.onSent = onSent;
    this.retry = [];
  }

  // batch: { frame: Uint8Array, json: string } from the core, or null.
  send(batch, { leaving = false } = {}) {
    const batches = [...this.retry.splice(0), ...(batch ? [batch] : [])];
    for (const each of batches) {
      // No content type: a Blob without one keeps the beacon a CORS "simple" request.
      if (leaving && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(this.url, new Blob([each.frame]))) {
        this.onSent(each);
        continue;
      }
      this.post(each);
    }
  }

  post(batch) {
    this.fetch.call(window, this.url, {
      method: 'POST',
      body: batch.frame,
      keepalive: true,
      credentials: 'omit',
      headers: { 'Content-Type': 'application/zstd' },
    })
      .then((response) => {
        if (response.ok) this.onSent(batch);
        else if (response.status >= 500) this.keep(batch);
        else log.warn(`the collector at ${this.url} refused a batch (HTTP ${response.status}).`);
      })
      .catch(() => this.keep(batch));
  }

  keep(batch) {
    if (this.retry.length < MAX_RETRY_BATCHES) this.retry.push(batch);
  }

  // Withdrawal: what was not sent is not sent later either.
  forget() {
    this.retry = [];
  }
}
