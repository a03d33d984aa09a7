// The outbox (js/src/outbox.js): unacknowledged batches kept on the device, bounded in number
// and in age, and harmless when storage is damaged or blocked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOutbox } from '../../js/src/outbox.js';
import { memoryStorage } from './fakes.mjs';

const HOUR_MS = 60 * 60 * 1000;
const NOW = 1_800_000_000_000;
const batch = (id, at, bytes = [id.length, 0, 255]) => ({ id, frame: new Uint8Array(bytes), json: `{"id":"${id}"}`, at });

function outboxOver(storage = memoryStorage()) {
  return { storage, outbox: createOutbox(() => storage) };
}

test('kept batches come back byte for byte, oldest first', () => {
  const { outbox } = outboxOver();
  outbox.keep(batch('late', NOW - 1000, [1, 2, 3, 250]));
  outbox.keep(batch('early', NOW - 5000, [0, 128, 255]));
  const loaded = outbox.load(NOW);
  assert.deepEqual(loaded.map((b) => b.id), ['early', 'late']);
  assert.deepEqual(loaded[0], { id: 'early', frame: new Uint8Array([0, 128, 255]), json: '{"id":"early"}', at: NOW - 5000, beaconed: false });
  assert.deepEqual([...loaded[1].frame], [1, 2, 3, 250]);
});

test('a beaconed batch is kept as such, for the page that confirms it', () => {
  const { outbox } = outboxOver();
  outbox.keep({ ...batch('b1', NOW), beaconed: true });
  assert.equal(outbox.load(NOW)[0].beaconed, true);
});

test('keyed by batch id: the same batch kept twice is one entry', () => {
  const { outbox } = outboxOver();
  outbox.keep(batch('b1', NOW));
  outbox.keep(batch('b1', NOW));
  assert.equal(outbox.load(NOW).length, 1);
});

test('at most 20 batches: the newest are kept', () => {
  const { outbox } = outboxOver();
  for (let i = 0; i < 25; i++) outbox.keep(batch(`b${i}`, NOW - (25 - i) * 1000));
  const ids = outbox.load(NOW).map((b) => b.id);
  assert.deepEqual(ids, Array.from({ length: 20 }, (_, i) => `b${i + 5}`));
});

test('a day old, a batch is dropped, from storage too', () => {
  const { outbox, storage } = outboxOver();
  outbox.keep(batch('stale', NOW - 24 * HOUR_MS));
  outbox.keep(batch('fresh', NOW - 23 * HOUR_MS));
  assert.deepEqual(outbox.load(NOW).map((b) => b.id), ['fresh']);
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(outbox.key))), ['fresh']);
});

test('remove and clear leave no empty entry behind', () => {
  const { outbox, storage } = outboxOver();
  outbox.keep(batch('b1', NOW));
  outbox.keep(batch('b2', NOW));
  outbox.remove('b1');
  assert.deepEqual(outbox.load(NOW).map((b) => b.id), ['b2']);
  outbox.remove('b2');
  assert.equal(storage.getItem(outbox.key), null);
  outbox.keep(batch('b3', NOW));
  outbox.clear();
  assert.equal(storage.items.size, 0);
});

test('what is not ours or damaged is skipped, never thrown', () => {
  const { outbox, storage } = outboxOver();
  storage.setItem(outbox.key, 'not json');
  assert.deepEqual(outbox.load(NOW), []);
  storage.setItem(outbox.key, '[1,2]');
  assert.deepEqual(outbox.load(NOW), []);
  storage.setItem(outbox.key, JSON.stringify({
    good: { frame: 'AQI=', json: '{}', at: NOW },
    noFrame: { json: '{}', at: NOW },
    noTime: { frame: 'AQI=', json: '{}' },
    badBase64: { frame: '%%%', json: '{}', at: NOW },
  }));
  assert.deepEqual(outbox.load(NOW).map((b) => b.id), ['good']);
});

test('blocked storage: keeping and loading do nothing, and do not throw', () => {
  const outbox = createOutbox(() => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  });
  outbox.keep(batch('b1', NOW));
  outbox.remove('b1');
  outbox.clear();
  assert.deepEqual(outbox.load(NOW), []);
});
