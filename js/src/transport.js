// Delivers compressed batches to the collector and loses none it could have kept. fetch with
// keepalive while the page lives, sendBeacon as it is hidden or unloaded. A batch stays queued
// until a 2xx answer (a 200 "duplicate" too: the collector already has it): after a network
// error, a 5xx or a 429 it is retried with exponential backoff and jitter (Retry-After wins when
// the collector sends one); offline, it waits for the 'online' event. A 4xx other than 429 means
// the batch itself is wrong: it is dropped and the console says why. Each batch that goes out is
// told to onSent, for the user's data receipt.
import { log } from './log.js';
import { outbox } from './outbox.js';

// Memory bound while the page lives: beyond it the oldest batch goes.
const MAX_QUEUED = 20;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 5 * 60 * 1000;

// The page's clock and timers, looked up at each use as before; a test gives its own.
const pageClock = { now: () => Date.now(), setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (id) => clearTimeout(id) };

const batchIdOf = (json) => {
  try {
    return String(JSON.parse(json).id || '');
  } catch {
    return '';
  }
};

export class Transport {
  // fetch: the page's own fetch from before capture wrapped it, so sending is not a page fact.
  // keepOnDevice(): whether unsent batches may be stored (the visitor agreed to signals).
  // store, onlineEvents, beacon and clock are the browser's (outbox.js, window, sendBeacon,
  // Date and timers) unless a test under Node gives its own.
  constructor(url, {
    fetch = window.fetch, onSent = () => {}, keepOnDevice = () => false, random = Math.random,
    store = outbox, onlineEvents = window, clock = pageClock,
    beacon = typeof navigator.sendBeacon === 'function' ? (target, body) => navigator.sendBeacon(target, body) : null,
  } = {}) {
    this.url = url;
    this.fetch = fetch;
    this.onSent = onSent;
    this.keepOnDevice = keepOnDevice;
    this.random = random;
    this.store = store;
    this.beacon = beacon;
    this.clock = clock;
    this.queue = [];         // { id, frame, json, at, beaconed? }, oldest first
    this.inFlight = new Set(); // ids being posted
    this.failures = 0;
    this.retryTimer = 0;
    this.retryAt = 0;
    this.generation = 0;     // bumped by forget(): answers to earlier posts are then ignored
    onlineEvents.addEventListener('online', () => this.retryNow());
  }

  // Batches a previous page left unsent (only where the visitor agreed to keep them).
  resume() {
    if (!this.keepOnDevice()) return;
    for (const batch of this.store.load()) if (!this.queue.some((queued) => queued.id === batch.id)) this.queue.push({ ...batch, kept: true });
    this.flush();
  }

  // batch: { frame: Uint8Array, json: string } from the core, or null.
  send(batch, { leaving = false } = {}) {
    // Leaving with a beacon, beaconAll writes the batch to the device once, beaconed or not: the
    // outbox is read and written whole, and this is the page's pagehide.
    if (batch) this.enqueue({ id: batchIdOf(batch.json), frame: batch.frame, json: batch.json, at: this.clock.now() }, !(leaving && this.beacon));
    this.flush({ leaving });
  }

  enqueue(batch, keepNow = true) {
    this.queue.push(batch);
    while (this.queue.length > MAX_QUEUED) this.queue.shift();
    if (keepNow) this.keep(batch);
  }

  // On the device until the collector says it has it, where the visitor agreed to that.
  keep(batch) {
    if (!this.keepOnDevice()) return;
    this.store.keep(batch);
    batch.kept = true;
  }

  flush({ leaving = false } = {}) {
    if (leaving) return this.beaconAll();
    if (this.clock.now() < this.retryAt || (typeof navigator !== 'undefined' && navigator.onLine === false)) return;
    this.postAll();
  }

  postAll() {
    for (const batch of this.queue) if (!this.inFlight.has(batch.id)) this.post(batch);
  }

  // The page is going away: the browser delivers beacons after it is gone, but says nothing of
  // the collector's answer. Where the outbox may keep batches (signals), a beaconed batch stays
  // there, and in the queue, until a fetch gets a 2xx for it (the collector drops the copy by its
  // id). Without that consent (counts) nothing may stay, and the beacon is the delivery. A
  // refused beacon (over the browser's quota) stays in the outbox for the next page.
  beaconAll() {
    if (!this.beacon) return this.postAll();
    for (const batch of [...this.queue]) {
      if (this.inFlight.has(batch.id) || batch.beaconed) continue;
      // The bytes themselves, not a Blob: a BufferSource sends no content type (a CORS "simple"
      // request), and a beacon from a Blob took Chromium 1.6-3.6 ms of the page's pagehide,
      // against 0.2-1.5 ms.
      if (!this.beacon(this.url, batch.frame)) {
        if (!batch.kept) this.keep(batch); // for the next page
        continue;
      }
      if (!this.keepOnDevice()) {
        this.delivered(batch);
        continue;
      }
      batch.beaconed = true;
      this.keep(batch);
      this.onSent(batch); // the ledger lists what went out, once
    }
  }

  post(batch) {
    const generation = this.generation;
    this.inFlight.add(batch.id);
    this.fetch.call(globalThis, this.url, {
      method: 'POST',
      body: batch.frame,
      keepalive: true,
      credentials: 'omit',
      referrerPolicy: 'no-referrer', // the page's full address is not the collector's business
      headers: { 'Content-Type': 'application/zstd' },
    })
      .then((response) => {
        this.inFlight.delete(batch.id);
        if (generation !== this.generation) return undefined; // withdrawn meanwhile
        if (response.ok) return this.delivered(batch);
        if (response.status === 429 || response.status >= 500) return this.failed(response.headers.get('Retry-After'));
        this.drop(batch);
        log.warn(`the collector at ${this.url} refused a batch (HTTP ${response.status}); it is dropped.`);
        return undefined;
      })
      .catch(() => {
        this.inFlight.delete(batch.id);
        if (generation === this.generation) this.failed(null);
      });
  }

  delivered(batch) {
    this.drop(batch);
    this.failures = 0;
    this.retryAt = 0;
    if (!batch.beaconed) this.onSent(batch);
  }

  drop(batch) {
    this.queue = this.queue.filter((queued) => queued !== batch);
    this.store.remove(batch.id);
  }

  // Exponential backoff with jitter (half the delay fixed, half random), so that many pages
  // recovering from one outage do not all retry in the same second. Batches that fail together
  // count as one failure.
  failed(retryAfter) {
    if (this.clock.now() < this.retryAt && !retryAfter) return;
    this.failures += 1;
    const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1));
    const asked = Number(retryAfter) * 1000;
    const delay = Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_RETRY_MS) : ceiling / 2 + this.random() * (ceiling / 2);
    this.retryAt = this.clock.now() + delay;
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => this.retryNow(), delay);
  }

  retryNow() {
    this.retryAt = 0;
    this.flush();
  }

  // Withdrawal: what was not sent is not sent later either, from this page or any other.
  forget() {
    this.generation += 1;
    this.inFlight.clear();
    this.queue = [];
    this.failures = 0;
    this.retryAt = 0;
    this.clock.clearTimeout(this.retryTimer);
    this.store.clear();
  }
}
