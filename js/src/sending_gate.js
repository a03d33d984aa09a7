// Stands in friction.js for the sending side (sending.js), which is a chunk of its own: loaded
// the first time something may be sent (a consent that allows it, a record from the core, a
// hand-off summary), and never for a visitor who refused. Records the core makes before it
// arrives wait here, in memory, as they wait for the codec in codec_pipe.js: a page hidden in
// that short time loses them.
import { loadChunk } from './chunks.js';
import { log } from './log.js';

// Batch records kept while the chunk loads; a page cannot make more than this in that time.
const MAX_RECORDS_BEFORE_CHUNK = 20;

export class SendingGate {
  // options: createSending's (sending.js). load(): the chunk's exports (chunks.js, or a test's).
  constructor(options, load = () => loadChunk('send')) {
    this.options = options;
    this.load = load;
    this.sending = null;   // { pipe, transport } once the chunk runs
    this.loading = null;
    this.failed = false;   // said once in the console
    this.waiting = [];
  }

  // Resolves to { pipe, transport }, or null while the chunk cannot be had; a failed load is
  // tried again at the next call (every send interval while records wait).
  open() {
    if (this.sending) return Promise.resolve(this.sending);
    if (this.loading) return this.loading;
    this.loading = this.load().then((chunk) => {
      const sending = chunk.createSending(this.options);
      this.sending = sending;
      sending.transport.resume(); // what an earlier page of the site could not send
      for (const record of this.waiting.splice(0)) this.send(record);
      return sending;
    }).catch((error) => {
      this.loading = null;
      if (!this.failed) log.warn(`${error && error.message}; nothing is sent until it loads (tried again at each send).`);
      this.failed = true;
      return null;
    });
    return this.loading;
  }

  // A consent that lets something be sent: the chunk, then the codec.
  prepare() {
    this.open().then((sending) => sending && sending.pipe.load());
  }

  // A record from the core (or null: queued batches still go, a beacon when leaving).
  send(record, options) {
    if (this.sending) {
      this.sending.transport.send(this.sending.pipe.batchOf(record), options);
      return;
    }
    if (record) this.waiting.push(record);
    if (this.waiting.length > MAX_RECORDS_BEFORE_CHUNK) this.waiting.shift();
    if (this.waiting.length) this.open(); // after a failed load, every send tries again
  }

  // The journey summary's JSON for a journey record (handoff.js), or null.
  async journeyJsonOf(record) {
    const sending = record && (await this.open());
    return sending ? sending.pipe.journeyJsonOf(record) : null;
  }

  // Withdrawal: records not yet encoded are never sent.
  dropWaiting() {
    this.waiting.length = 0;
    if (this.sending) this.sending.pipe.dropWaiting();
  }

  // Withdrawal: nothing queued goes out either (transport.js).
  forget() {
    this.dropWaiting();
    if (this.sending) this.sending.transport.forget();
  }
}
