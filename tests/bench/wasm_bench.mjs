// Throughput of the WASM core under Node: JS writes records through the real ring writer and
// the core drains them in batches, as in the browser. Baseline in the same run: the same JS
// writes into a plain ArrayBuffer with no core at all. Usage: node tests/bench/wasm_bench.mjs
import { EventType, RingWriter } from '../../js/src/ring_writer.js';
import { defaultConfig, loadCore } from '../wasm/load_core.mjs';

const EVENTS = 2_000_000;
const BATCH = 256;
const core = await loadCore();

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

const engine = new core.Engine(defaultConfig({ ringCapacity: 4096 }));
for (let id = 1; id <= 40; id++) engine.registerTarget(id, 'button', `#b${id}`, 1);
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
