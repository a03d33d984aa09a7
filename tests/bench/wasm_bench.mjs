// Throughput of the WASM core under Node: JS writes records through the real ring writer and
// the core drains them in batches, as in the browser. Baseline in the same run: the same JS
// writes into a plain ArrayBuffer with no core at all. Usage: node tests/bench/wasm_bench.mjs
import { EventType, RingWriter } from '../../js/src/ring_writer.js';
import { createEngine } from '../../js/src/core_engine.js';
import { defaultConfig, loadCodecModule, loadCore } from '../wasm/load_core.mjs';

const EVENTS = 2_000_000;
const BATCH = 256;
const core = await loadCore();
const codec = await loadCodecModule();

function kindOf(i) {
  const pick = (i * 2654435761) % 100;
  if (pick < 70) return EventType.pointerMove;
  if (pick < 85) return EventType.scroll;
  if (pick < 92) return EventType.domChange;
  return EventType.click;
}

function run(write, drain) {
  const start = performance.now();
  for (let i = 0; i < EVENTS; i += BATCH) {
    for (let j = 0; j < BATCH; j++) {
      const n = i + j;
      write(kindOf(n), n * 7, 500 + (n % 13), 400 - (n % 7), (n % 40) + 1, 0, n % 900, 0);
    }
    drain(i * 7);
  }
  return performance.now() - start;
}

function bestOf(times, fn) {
  let best = Infinity;
  for (let t = 0; t < times; t++) best = Math.min(best, fn());
  return best;
}

const engine = createEngine(core, defaultConfig({ ringCapacity: 4096 }));
for (let id = 1; id <= 40; id++) engine.registerTarget(id, 'button', `#b${id}`, 1, '');
const ring = new RingWriter(core, engine.ringAddress());
const coreMs = bestOf(3, () => run((...r) => ring.write(...r), (now) => { engine.drain(now); engine.takeDetections(); }));

// Baseline: the same writes into a JS-owned buffer shaped like the ring, nothing reads them.
const buffer = new ArrayBuffer(16 + 4096 * 32);
const fake = { HEAPU8: new Uint8Array(buffer) };
new DataView(buffer).setUint32(8, 4096, true);
new DataView(buffer).setUint32(12, 32, true);
const plain = new RingWriter(fake, 0);
const baseMs = bestOf(3, () => run((...r) => plain.write(...r), () => new DataView(buffer).setUint32(4, new DataView(buffer).getUint32(0, true), true)));

const perSecond = (ms) => (EVENTS / (ms / 1000) / 1e6).toFixed(1);
console.log(`WASM core under Node: ${perSecond(coreMs)} M events/s (JS write + drain, all detectors)`);
console.log(`baseline, JS writes only: ${perSecond(baseMs)} M events/s; the core costs ${(coreMs / baseMs).toFixed(2)}x the writing alone`);
engine.delete();

// Main-thread cost of making a batch in WASM (JSON, then zstd with the dictionary), against
// the same batch's JSON.parse + JSON.stringify in JS, a cost every page already pays gladly.
function batchOf(signals) {
  const batchEngine = createEngine(core, defaultConfig({ ringCapacity: 4096 }));
  const batchRing = new RingWriter(core, batchEngine.ringAddress());
  batchEngine.setConsent('signals');
  batchEngine.enterStep('/product/1', 0);
  let time = 1000;
  for (let t = 1; t <= signals; t++) {
    batchEngine.registerTarget(t, 'button', `#b${t}`, 1, '');
    for (let c = 0; c < 4; c++) batchRing.write(EventType.click, (time += 200), 10 * t, 10, t);
    batchEngine.drain((time += 2000));
  }
  batchEngine.flush(time + 5000);
  return batchEngine;
}
for (const signals of [1, 20, 100]) {
  const samples = [];
  let made = null;
  for (let rep = 0; rep < 15; rep++) {
    const batchEngine = batchOf(signals);
    const start = performance.now();
    made = codec.encodeBatch(batchEngine.takeBatchRecord()); // record out of the core, then the codec
    samples.push(performance.now() - start);
    batchEngine.delete();
  }
  const jsStart = performance.now();
  for (let rep = 0; rep < 15; rep++) JSON.stringify(JSON.parse(made.json));
  const jsMs = (performance.now() - jsStart) / 15;
  samples.sort((a, b) => a - b);
  const median = samples[7];
  console.log(`batch of ${signals} signals: takeBatch ${median.toFixed(2)} ms median for ${made.frame.length} B (JSON ${made.json.length} B); JSON.parse+stringify of it ${jsMs.toFixed(3)} ms, ratio ${(median / jsMs).toFixed(1)}x`);
}
