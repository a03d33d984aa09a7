// The core's engine as an object: wasm/bindings.cpp exports each engine method as a free function
// engine_<method>(handle, ...args) (no Embind class: less glue, less start-up); this binds the
// handle back in, so callers write engine.drain(now). The take* methods hand back bytes in the
// core's record form (sdk/encode/record_bytes.h), read here into what callers use.
const PREFIX = 'engine_';
const decoder = new TextDecoder();

// config: { site, hashKey, ringCapacity, randomSeed, timeOrigin } (sdk/engine.h, EngineConfig).
export function createEngine(core, config) {
  const handle = core.engine_create(config.site, config.hashKey, config.ringCapacity, config.randomSeed, config.timeOrigin);
  const engine = { delete: () => core.engine_delete(handle) };
  for (const key of Object.keys(core)) {
    if (key.startsWith(PREFIX) && key !== 'engine_create' && key !== 'engine_delete') {
      const method = core[key];
      engine[key.slice(PREFIX.length)] = (...args) => method(handle, ...args);
    }
  }
  // Copied out at once: the next take* call reuses the core's buffer, and memory growth moves it.
  const taken = (size) => {
    const at = core.outAddress();
    return size ? core.HEAPU8.slice(at, at + size) : null;
  };
  // Called on every drain, mostly with nothing to read.
  const listOf = (bytes, readItem) => {
    if (!bytes) return [];
    const list = [];
    for (const reader = new RecordReader(bytes); !reader.atEnd();) list.push(readItem(reader));
    return list;
  };
  const { takeDetections, takeHelpOffers, takeBatchRecord, takeJourneyRecord } = engine;
  engine.takeBatchRecord = () => taken(takeBatchRecord());
  engine.takeJourneyRecord = (now) => taken(takeJourneyRecord(now));
  engine.takeDetections = () => listOf(taken(takeDetections()), (r) => {
    const found = { kind: r.str(), step: r.str(), target: r.varint(), score: r.f64(), at: r.f64(), stepScore: r.f64() };
    const cause = r.str();
    if (cause) found.cause = cause;
    return found;
  });
  engine.takeHelpOffers = () => listOf(taken(takeHelpOffers()), (r) => {
    const step = r.str();
    const kinds = Array.from({ length: r.varint() }, () => r.str());
    return { step, kinds, cause: r.str(), target: r.varint(), score: r.f64(), reason: r.str(), at: r.f64() };
  });
  return engine;
}

// sdk/encode/record_bytes.h's ByteReader, for the few fields above; the bytes come from the
// core of the same build (friction.js checked its fingerprint).
class RecordReader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = 0;
  }

  atEnd() {
    return this.at >= this.bytes.length;
  }

  varint() {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) return value;
    }
  }

  f64() {
    const value = this.view.getFloat64(this.at, true);
    this.at += 8;
    return value;
  }

  str() {
    const length = this.varint();
    const text = decoder.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
}
