// The codec (friction-codec.wasm): turns the core's records into what is sent, JSON then zstd
// with the dictionary. It is fetched only once the visitor's consent lets something leave the
// page; before that nothing needs encoding. A bare WebAssembly module: this file is its glue
// (the C side is wasm/codec_exports.cpp).
import { codecImports } from './codec_imports.js';
import { CODEC_SHA256, fetchChecked } from './wasm_digest.js';
import { replyOfWorker } from './warm_up_worker.js';

// How long the page waits for the warm-up worker before compiling the codec itself. The worker
// takes 50-200 ms here; records made meanwhile wait in memory (codec_pipe.js).
const WORKER_WAIT_MS = 3000;

export class Codec {
  constructor(instance) {
    this.exports = instance.exports;
    if (typeof this.exports._initialize === 'function') this.exports._initialize();
  }

  // record: Uint8Array from engine.takeBatchRecord(). { frame: Uint8Array, json: string }, or
  // null for a record this codec cannot read (friction.wasm from another build).
  encodeBatch(record) {
    if (!this.run('codec_batch', record)) return null;
    const { codec_frame, codec_frame_size } = this.exports;
    return { frame: this.bytes(codec_frame(), codec_frame_size()).slice(), json: this.json() };
  }

  // Steps 0, 1, 2, each once at an idle moment: the first batch's set-up and compilation, before
  // a batch needs them (codec_exports.cpp says why). True when the step went the whole way.
  warmUp(step) {
    return typeof this.exports.codec_warm_up === 'function' && this.exports.codec_warm_up(step) === 1;
  }

  // record: Uint8Array from engine.takeJourneyRecord(). The summary's JSON, or null.
  encodeJourney(record) {
    return this.run('codec_journey', record) ? this.json() : null;
  }

  run(entry, record) {
    const at = this.exports.codec_input(record.length);
    this.bytes(at, record.length).set(record);
    return this.exports[entry](record.length) === 1;
  }

  json() {
    const { codec_json, codec_json_size } = this.exports;
    return new TextDecoder().decode(this.bytes(codec_json(), codec_json_size()));
  }

  // A fresh view each time: the memory's buffer is replaced when it grows.
  bytes(at, length) {
    return new Uint8Array(this.exports.memory.buffer, at, length);
  }
}

// From bytes (tests, Node) or a URL (the browser). Rejects where it cannot be had (the
// network, a 404, a CSP without 'wasm-unsafe-eval', with DigestMismatch for bytes that are not
// this build's); the caller decides what to say and when to try again.
// fetchWith: the page's own fetch from before capture wrapped it, so that this request is not
// taken for the page's.
// expected: the SHA-256 the build wrote in (a test may give its own).
// warmerUrl: the warm-up worker's chunk (chunks/codec_warmer.js), or '' to compile here.
export async function loadCodec(source, fetchWith, { expected = CODEC_SHA256, warmerUrl = '' } = {}) {
  if (typeof source !== 'string') {
    const { instance } = await WebAssembly.instantiate(source, codecImports());
    return new Codec(instance);
  }
  const bytes = await fetchChecked(source, expected, 'friction-codec.wasm', fetchWith || globalThis.fetch);
  const module = warmerUrl && (await compiledInWorker(bytes, warmerUrl));
  if (module) return new Codec(await WebAssembly.instantiate(module, codecImports()));
  const { instance } = await WebAssembly.instantiate(bytes, codecImports());
  return new Codec(instance);
}

// The codec compiled, and its warm-up's functions with it, on a worker's thread: a module, or
// null where no worker answered (warm_up_worker.js), and the page compiles it itself.
async function compiledInWorker(bytes, url) {
  const module = await replyOfWorker(url, bytes, { name: 'friction codec warm-up', waitMs: WORKER_WAIT_MS });
  return module instanceof WebAssembly.Module ? module : null;
}
