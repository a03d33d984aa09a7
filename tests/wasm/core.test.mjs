// The WASM core driven through the real JS ring writer, under Node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeFrame, dictionaryIdOf } from '../wire.mjs';
import { CORE_TABLES_FINGERPRINT, FRICTION_KINDS, Trait } from '../../js/src/generated/core_tables.js';
import { EventType, RingWriter } from '../../js/src/ring_writer.js';
import { createEngine } from '../../js/src/core_engine.js';
import { defaultConfig, loadCodecModule, loadCore } from './load_core.mjs';

const core = await loadCore();
const codec = await loadCodecModule();

// What the SDK sends: the core's record, through the codec.
const takeBatch = (engine) => {
  const record = engine.takeBatchRecord();
  return record && codec.encodeBatch(record);
};
const takeJourneySummary = (engine, now) => {
  const record = engine.takeJourneyRecord(now);
  return record && codec.encodeJourney(record);
};
const ACTIONABLE = Trait.actionable;

function engineWithRing(config = defaultConfig()) {
  const engine = createEngine(core, config);
  return { engine, ring: new RingWriter(core, engine.ringAddress()) };
}

// A burst of clicks the page answers after its third, within a second: a rage click alone, neither dead
// nor slow (a burst on a control that never answers is also a dead click: sdk/decide/friction_deduper.h).
function rageClick(ring, { start = 12000, clicks = 4, target = 1 } = {}) {
  for (let i = 0; i < clicks; i++) assert.ok(ring.write(EventType.click, start + i * 250, 200, 120, target));
  assert.ok(ring.write(EventType.domChange, start + 550, 0, 0, 0, 0, 1));
}

test('the ring layout seen from JS matches the core', () => {
  const { ring } = engineWithRing();
  assert.equal(ring.capacity, 64);
  assert.equal(ring.recordSize, 32);
  assert.equal(ring.unread(), 0);
});

// Embind puts a placeholder that throws "unbound types" where a binding's types were never
// registered, and gives the real function its argCount once they are. Only the built-in types
// wasm/embind_builtin_types.cpp registers are bound: no binding may use another.
test('every binding of wasm/bindings.cpp has its types bound', () => {
  const source = readFileSync(new URL('../../wasm/bindings.cpp', import.meta.url), 'utf8');
  const names = [...source.matchAll(/^\s*function\("(\w+)"/gm)].map((match) => match[1]);
  assert.ok(names.length >= 40, `bindings found: ${names.length}`);
  assert.deepEqual(names.filter((name) => typeof core[name] !== 'function' || typeof core[name].argCount !== 'number'), []);
});

test('the core carries the fingerprint of the tables JS was built with', () => {
  assert.equal(typeof CORE_TABLES_FINGERPRINT, 'number');
  assert.equal(core.coreTablesFingerprint(), CORE_TABLES_FINGERPRINT);
});

test('records written by JS are drained in one call and a rage click is detected', () => {
  const { engine, ring } = engineWithRing();
  assert.equal(engine.enterStep('https://shop.example/product/8812?coupon=X', 0), '/product/:id');
  engine.registerTarget(1, 'button', '#apply-coupon', ACTIONABLE, '');
  rageClick(ring);
  assert.equal(ring.unread(), 5); // four clicks and the page's answer
  assert.equal(engine.drain(12800), 1);
  assert.equal(ring.unread(), 0);
  const [found, ...rest] = engine.takeDetections();
  assert.equal(rest.length, 0);
  assert.deepEqual(found, { kind: 'rage_click', step: '/product/:id', target: 1, score: 0.5, at: 12500, stepScore: 0.5 });
  engine.delete();
});

test('routes only, through the control API: an undeclared path is /other', () => {
  const { engine } = engineWithRing();
  engine.routesOnly(true);
  assert.ok(engine.addRoute('/u/:name'));
  assert.equal(engine.enterStep('https://site.example/u/jane-doe', 0), '/u/:name');
  assert.equal(engine.enterStep('https://site.example/people/jane-doe', 10), '/other');
  engine.delete();
});

test('engines are handles: two on one core keep apart, and a deleted one cannot be used', async () => {
  const own = await loadCore(); // its own module: the misuse below aborts it
  const first = createEngine(own, defaultConfig());
  const second = createEngine(own, defaultConfig());
  first.routesOnly(true);
  assert.ok(first.addRoute('/u/:name'));
  assert.equal(first.enterStep('https://site.example/people/jane', 0), '/other');
  assert.equal(second.enterStep('https://site.example/people/jane', 0), '/people/jane');
  first.delete();
  assert.equal(second.enterStep('https://site.example/u/jane', 10), '/u/jane');
  assert.throws(() => first.enterStep('https://site.example/u/jane', 20), WebAssembly.RuntimeError);
});

test('a full ring refuses writes until drained', () => {
  const { engine, ring } = engineWithRing();
  for (let i = 0; i < 64; i++) assert.ok(ring.write(EventType.click, i * 5000, 0, 0, 1));
  assert.equal(ring.write(EventType.click, 0, 0, 0, 1), false);
  engine.drain(400000);
  assert.ok(ring.write(EventType.click, 400001, 0, 0, 1));
  engine.delete();
});

test('no consent: nothing to send; consent: one zstd frame with only anonymised fields', () => {
  const { engine, ring } = engineWithRing();
  engine.enterStep('/product/8812', 0);
  engine.registerTarget(1, 'button', 'form#coupon-8812>button.apply', ACTIONABLE, '');
  rageClick(ring);
  engine.flush(20000);
  assert.equal(takeBatch(engine), null);

  assert.equal(engine.setConsent('signals'), true);
  assert.equal(engine.consent(), 'signals');
  rageClick(ring, { start: 30000, clicks: 5 });
  engine.flush(40000);
  const { frame, json } = takeBatch(engine);
  assert.ok(frame instanceof Uint8Array);
  assert.deepEqual([...frame.subarray(0, 4)], [0x28, 0xb5, 0x2f, 0xfd]);
  assert.equal(dictionaryIdOf(frame), 3, 'compressed with the current dictionary (sdk/encode/dictionary.h)');
  const text = decodeFrame(frame);
  assert.equal(text, json, 'the receipt shows exactly what the frame carries');
  const batch = JSON.parse(text);
  assert.equal(batch.site, 'demo');
  assert.equal(batch.signals.length, 1);
  // "first": the first signal of this problem in the page load (no "name": the site gave none).
  assert.deepEqual(Object.keys(batch.signals[0]).sort(), ['at_s', 'count', 'first', 'kind', 'role', 'score', 'span_ms', 'step', 'target']);
  assert.equal(batch.signals[0].first, true);
  assert.equal('pointer' in batch, false, 'no device class was told: none is written');
  assert.equal(batch.signals[0].count, 5);
  assert.equal(batch.signals[0].step, '/product/:id');
  for (const secret of ['8812', 'coupon', 'apply', 'form#']) assert.ok(!text.includes(secret), secret);
  assert.equal(takeBatch(engine), null);
  engine.delete();
});

test('unknown consent levels are refused and change nothing', () => {
  const { engine } = engineWithRing();
  assert.equal(engine.setConsent('everything'), false);
  assert.equal(engine.consent(), 'none');
  engine.delete();
});

test('the JS writer keeps working after WASM memory grows', () => {
  const { engine, ring } = engineWithRing();
  const before = core.HEAPU8.buffer;
  engine.addRoute(`/${'x'.repeat(4 << 20)}`); // 4 MB kept by the core: memory must grow
  assert.notEqual(core.HEAPU8.buffer, before);
  engine.registerTarget(1, 'button', '#b', ACTIONABLE, '');
  rageClick(ring);
  assert.equal(engine.drain(12800), 1);
  engine.delete();
});

test('thresholds are set through the control API and checked by the core', () => {
  const { engine } = engineWithRing();
  assert.equal(engine.setThreshold('rage_click.min_clicks', 4), true);
  assert.equal(engine.setThreshold('rage_click.min_clicks', 0), false);
  assert.equal(engine.setThreshold('made_up.value', 1), false);
  assert.equal(engine.nextDeadline(), Infinity);
  engine.delete();
});

test('counts, randomized response and the one-shot journey summary through the control API', () => {
  const { engine, ring } = engineWithRing();
  assert.equal(engine.enableLdp(0), false);
  assert.equal(engine.enableLdp(11), false);
  assert.equal(engine.enableLdp(Math.log(3)), true);
  assert.equal(engine.setConsent('counts'), true);
  engine.enterStep('/product/8812', 0);
  engine.registerTarget(1, 'button', 'button.apply', ACTIONABLE, '');
  rageClick(ring);
  engine.pageHidden(20000);
  assert.equal(engine.pendingSignals(), 0);
  assert.equal(engine.pendingVisits(), 1);
  const batch = JSON.parse(takeBatch(engine).json);
  assert.equal(batch.epsilon, 1.0986);
  assert.deepEqual(batch.signals, []);
  assert.equal(batch.visits.length, 1);
  assert.equal(batch.visits[0].step, '/product/:id');

  assert.equal(engine.takeJourneyRecord(21000), null);
  engine.grantJourneyOnce();
  const summary = JSON.parse(takeJourneySummary(engine, 21000));
  assert.deepEqual(summary.steps, [{ step: '/product/:id', seconds: 20, met: { rage_click: 1 } }]);
  assert.equal(engine.takeJourneyRecord(22000), null);
  engine.delete();
});

// A record's string as encode/record_bytes.h writes it: its length as a LEB128 varint, then it.
const recordString = (text) => {
  const bytes = new TextEncoder().encode(text);
  const length = [];
  for (let n = bytes.length; ; n = Math.floor(n / 128)) {
    length.push(n >= 128 ? (n % 128) | 0x80 : n);
    if (n < 128) break;
  }
  const out = new Uint8Array(length.length + bytes.length);
  out.set(length);
  out.set(bytes, length.length);
  return out;
};

// `record` with its first string `from` replaced by `to`.
const withString = (record, from, to) => {
  const needle = recordString(from);
  const at = record.findIndex((_, i) => needle.every((byte, j) => record[i + j] === byte));
  assert.ok(at >= 0, `${from} is in the record`);
  const replacement = recordString(to);
  const out = new Uint8Array(record.length - needle.length + replacement.length);
  out.set(record.subarray(0, at));
  out.set(replacement, at);
  out.set(record.subarray(at + needle.length), at + replacement.length);
  return out;
};

test('the codec refuses records it cannot read, and keeps working after its memory grows', () => {
  assert.equal(codec.encodeBatch(new Uint8Array([0x42, 9, 1, 2])), null, 'another record version');
  assert.equal(codec.encodeBatch(new Uint8Array([0x42, 1, 1, 2])), null, 'version 1, before goals');
  assert.equal(codec.encodeBatch(new Uint8Array(0)), null);
  assert.equal(codec.encodeJourney(new Uint8Array([0x4a])), null, 'a short journey record');

  const { engine } = engineWithRing();
  engine.setConsent('counts');
  engine.enterStep('/x', 0);
  engine.pageHidden(1000);
  // The core writes no step the collector would refuse (sdk/encode/field_rules.h): a record with
  // a 3 MB step, which the codec's memory must grow for, is made from the core's own.
  const route = `/${'a'.repeat(3 << 20)}`;
  const record = withString(engine.takeBatchRecord(), '/x', route);
  const before = codec.exports.memory.buffer.byteLength;
  const truncated = record.subarray(0, record.length - 1);
  assert.equal(codec.encodeBatch(truncated), null, 'a record cut short');
  const batch = codec.encodeBatch(record);
  assert.ok(codec.exports.memory.buffer.byteLength > before);
  assert.equal(JSON.parse(batch.json).visits[0].step, route);
  assert.ok(batch.frame.length < batch.json.length / 100, 'a frame, compressed');
  engine.delete();
});

// A batch record written by hand (sdk/encode/batch_record.cpp has the layout, version 3): one
// visit to `step`, no signals, no device class, its help flag untold, no goal, no help events.
function visitRecord(step) {
  const text = (s) => {
    const bytes = new TextEncoder().encode(s);
    return [bytes.length, ...bytes]; // every string here is shorter than 128 bytes
  };
  return new Uint8Array([0x42, 3, ...text('demo'), ...text('0.1.0'), 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ...text('00112233445566778899aabbccddeeff'), ...text(''), ...text(''), 0, 1, ...text(step), 0, 0, ...text(''), 0]);
}

test('the codec writes control characters as JSON escapes (its own snprintf, wasm/codec_snprintf.cpp)', () => {
  const batch = codec.encodeBatch(visitRecord('/a\u0001b\u001fc\td'));
  assert.ok(batch.json.includes('"step":"/a\\u0001b\\u001fc\\td"'), batch.json);
  assert.equal(JSON.parse(batch.json).visits[0].step, '/a\u0001b\u001fc\td');
  assert.equal(decodeFrame(batch.frame), batch.json);
});

// The same header, then one form struggle on a textbox whose cause byte is `cause`
// (sdk/detect/friction_cause.h: 1 validation_loop ... 4 abandonment), no visits, no help events.
function formStruggleRecord(cause) {
  const text = (s) => {
    const bytes = new TextEncoder().encode(s);
    return [bytes.length, ...bytes];
  };
  const zeros = (n) => new Array(n).fill(0);
  return new Uint8Array([0x42, 3, ...text('demo'), ...text('0.1.0'), 0, ...zeros(8),
    ...text('00112233445566778899aabbccddeeff'), ...text('mouse'), ...text('wide'), 1,
    3, ...text('/checkout'), ...text('textbox'), 7, 3, 20, 45, ...zeros(8), 1, ...text('postcode'), cause, 0, 0]);
}

test('the codec writes a form struggle\'s cause as its word, and refuses a cause byte it does not know', () => {
  const words = [undefined, 'validation_loop', 're_entry', 'rejected_submit', 'abandonment'];
  for (const [byte, word] of words.entries()) {
    const batch = codec.encodeBatch(formStruggleRecord(byte));
    assert.ok(batch, `cause byte ${byte}`);
    const [signal] = JSON.parse(batch.json).signals;
    assert.equal(signal.kind, 'form_struggle');
    assert.equal(signal.cause, word, batch.json);
    assert.equal('cause' in signal, word !== undefined, 'none: no key at all');
  }
  assert.equal(codec.encodeBatch(formStruggleRecord(words.length)), null, 'a cause past the last');
  assert.equal(codec.encodeBatch(formStruggleRecord(255)), null);
});

test('the codec warm-up goes the whole way: its sample record still reads, encodes and compresses', async () => {
  const own = await loadCodecModule(); // cold, as a page's first one
  assert.equal(own.warmUp(0), true, 'step 0: the dictionary digested');
  assert.equal(own.warmUp(1), true, 'step 1: zstd compresses a sample text');
  assert.equal(own.warmUp(2), true, 'step 2: a sample batch record to JSON and frame');
  // It leaves no result behind: the next batch is encoded as if it had not run.
  const { engine, ring } = engineWithRing();
  engine.setConsent('signals');
  engine.enterStep('https://shop.example/product/1', 0);
  engine.registerTarget(1, 'button', '#buy', ACTIONABLE, '');
  rageClick(ring);
  engine.drain(12800);
  engine.flush(13000);
  const batch = own.encodeBatch(engine.takeBatchRecord());
  assert.ok(!batch.json.includes('warm-up'), batch.json);
  assert.equal(JSON.parse(batch.json).site, 'demo');
  engine.delete();
});

test('the warm-up (run in a worker, js/src/chunks/core_warmer.js) detects on its own engine and leaves a live one as it was', () => {
  const { engine, ring } = engineWithRing();
  engine.enterStep('https://shop.example/product/8812', 0);
  engine.registerTarget(1, 'button', '#apply-coupon', ACTIONABLE, '');
  rageClick(ring);
  const before = { journey: engine.journeyState(12000), help: engine.helpState(12000), form: engine.formState() };
  const warmedKinds = core.warmUp();
  // Its made-up visit reaches the detectors, so their paths are the ones compiled.
  assert.deepEqual(FRICTION_KINDS.filter((kind, bit) => warmedKinds & (1 << bit)),
    ['rage_click', 'dead_click', 'error_click', 'form_struggle', 'scroll_thrash', 'quick_back', 'cursor_thrash']);
  assert.deepEqual({ journey: engine.journeyState(12000), help: engine.helpState(12000), form: engine.formState() }, before);
  assert.equal(ring.unread(), 5, 'the live engine\'s ring is untouched');
  assert.equal(engine.drain(12800), 1);
  assert.deepEqual(engine.takeDetections().map((d) => d.kind), ['rage_click']);
  engine.delete();
});
