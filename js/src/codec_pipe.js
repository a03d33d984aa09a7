// The path from the core's records to bytes on the wire. The codec (zstd + JSON, the SDK's
// weight) is a module of its own, fetched only once something may be sent; this pipe hides
// whether it has arrived: records made before it wait here, in memory, and go when it does.
import { DIGEST_STEP, LAST_WARM_UP_STEP } from './codec_imports.js';
import { loadCodec } from './codec_loader.js';
import { whenIdle } from './idle.js';
import { guarded, log } from './log.js';
import { DigestMismatch } from './wasm_digest.js';

// Batch records kept while the codec loads; a page cannot make more than this in that time.
const MAX_RECORDS_BEFORE_CODEC = 20;

export class CodecPipe {
  // fetch(): the fetch to load the codec with, asked at load time (the page's own, once
  // capture has kept it aside). deliver(batch): where a batch encoded late goes (transport).
  // warmerUrl: the chunk that compiles the codec on a worker's thread ('' for none).
  // compiledEarlier: an earlier page of the site most likely ran the codec in this renderer
  // process (friction.js, earlier_page.js), whose V8 keeps the functions it compiled: no worker
  // then, and the idle warm-up only digests the dictionary, which lives in this page's instance.
  constructor(url, { fetch, deliver, load = loadCodec, warmerUrl = '', compiledEarlier = false }) {
    this.url = url; // '' once the codec is refused
    this.warmerUrl = compiledEarlier ? '' : warmerUrl;
    this.lastWarmUpStep = compiledEarlier ? DIGEST_STEP : LAST_WARM_UP_STEP;
    this.loadCodec = load; // codec_loader.js's, or a test's
    this.fetch = fetch;
    this.deliver = deliver;
    this.codec = null;
    this.loading = null;
    this.failed = false;          // said once in the console
    this.recordsBeforeCodec = [];
  }

  // The batch to send for a record from the core (or null): encoded at once where the codec is
  // here, else kept for it, and the codec asked for.
  batchOf(record) {
    if (this.codec) return record && this.encode(record);
    if (record && this.url) this.keepUntilCodec(record);
    if (this.recordsBeforeCodec.length) this.load();
    return null;
  }

  // The journey summary's JSON for a journey record, fetching the codec if need be, or null.
  async journeyJsonOf(record) {
    const codec = record && (this.codec || (await this.load()));
    return (codec && codec.encodeJourney(record)) || null;
  }

  // Withdrawal: records still waiting for the codec are never sent.
  dropWaiting() {
    this.recordsBeforeCodec.length = 0;
  }

  encode(record) {
    try {
      const batch = this.codec.encodeBatch(record);
      if (!batch) log.error('friction-codec.wasm could not read a batch from friction.wasm; copy both from the same dist/. The batch is dropped.');
      return batch;
    } catch (error) {
      // A trap leaves the module's memory in no known state: the next send loads it afresh.
      log.error('the codec failed; the batch is dropped and the codec is loaded again.', error);
      this.codec = null;
      this.loading = null;
      return null;
    }
  }

  // Step by step, an idle moment each: the dictionary digested and the first batch's path run.
  // Where the worker compiled the module (codec_loader.js), that is all they do; where an
  // earlier page compiled it, the dictionary alone.
  warmUp(codec, step = 0) {
    if (codec !== this.codec) return; // replaced after a trap meanwhile
    try {
      codec.warmUp(step);
      if (step < this.lastWarmUpStep) whenIdle(() => this.warmUp(codec, step + 1));
    } catch (error) {
      log.error('the codec failed; it is loaded again for the next batch.', error);
      this.codec = null;
      this.loading = null;
    }
  }

  // A record made before the codec arrived waits for it (in memory only: a page hidden in
  // that short time loses it).
  keepUntilCodec(record) {
    this.recordsBeforeCodec.push(record);
    if (this.recordsBeforeCodec.length > MAX_RECORDS_BEFORE_CODEC) this.recordsBeforeCodec.shift();
  }

  // The codec is fetched once something may be sent: a consent that allows it, or a record.
  // Resolves to the codec, or null while it cannot be had; a failed fetch is tried again when
  // something next needs it (a send, every send interval), and said once in the console. The
  // SDK meanwhile detects and helps as before, and keeps the records it could not encode.
  load() {
    if (this.loading || !this.url) return this.loading;
    this.loading = this.loadCodec(this.url, this.fetch(), { warmerUrl: this.warmerUrl }).then(guarded((codec) => {
      this.codec = codec;
      for (const record of this.recordsBeforeCodec.splice(0)) this.deliver(this.encode(record));
      // Not in the pagehide that sends the last batch.
      whenIdle(() => this.warmUp(codec, 0));
      return codec;
    }, 'codec'), (error) => {
      this.loading = null;
      if (error instanceof DigestMismatch) {
        // Not a passing failure: nothing is sent from this page, and the codec is not fetched again.
        log.error(`${error.message} Nothing is sent.`);
        this.url = '';
        this.dropWaiting();
        return null;
      }
      if (!this.failed) log.warn(`could not load ${this.url}; nothing is sent until it loads (tried again at each send).`, error);
      this.failed = true;
      return null;
    });
    return this.loading;
  }
}
