// Transport (js/src/transport.js): what reaches the collector, when it is tried again, and what
// is kept for a later page, with a fake fetch, clock and outbox.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOutbox } from '../../js/src/outbox.js';
import { Transport } from '../../js/src/transport.js';
import { consoleMessages, fakeClock, fakeFetch, memoryStorage, settle } from './fakes.mjs';

const URL = 'https://collector.example/v1/signals';
// The frame carries the batch id in clear here, so that a test can tell which batch went.
const batch = (id) => ({ frame: new TextEncoder().encode(id), json: JSON.stringify({ id, signals: [] }) });
const idOf = (request) => new TextDecoder().decode(request.init.body);

// A transport with everything fake; answer decides the collector's replies.
function transportWith(answer, { keepOnDevice = false, random = () => 0, beacon = null } = {}) {
  const clock = fakeClock();
  const { fetch, requests } = fakeFetch(answer);
  const storage = memoryStorage();
  const store = createOutbox(() => storage);
  const sent = [];
  const onlineEvents = new EventTarget();
  const transport = new Transport(URL, {
    fetch, clock, store, onlineEvents, beacon, random,
    keepOnDevice: () => keepOnDevice,
    onSent: (delivered) => sent.push(JSON.parse(delivered.json).id),
  });
  return { transport, clock, requests, store, sent, onlineEvents };
}

// A first post that fails, then: no retry a millisecond before `delay`, one at it.
async function assertRetriedAfter(answer, delay, { random } = {}) {
  const { transport, clock, requests } = transportWith(answer, { random });
  transport.send(batch('b1'));
  await settle();
  clock.advance(delay - 1);
  transport.flush(); // a send before the retry time does not hurry it
  assert.equal(requests.length, 1, `nothing before ${delay} ms`);
  clock.advance(1);
  assert.equal(requests.length, 2, `retried after ${delay} ms`);
}

test('a 2xx answer delivers the batch: told to onSent, never posted again, gone from the outbox', async () => {
  const { transport, requests, store, sent } = transportWith(() => 200, { keepOnDevice: true });
  transport.send(batch('b1'));
  assert.equal(store.load().length, 1, 'kept on the device until the collector has it');
  await settle();
  assert.deepEqual(sent, ['b1']);
  assert.deepEqual(store.load(), []);
  transport.flush();
  assert.equal(requests.length, 1);
  const { init } = requests[0];
  assert.equal(requests[0].url, URL);
  assert.equal(init.method, 'POST');
  assert.equal(init.credentials, 'omit');
  assert.equal(init.referrerPolicy, 'no-referrer');
  assert.equal(init.keepalive, true);
  assert.equal(init.headers['Content-Type'], 'application/zstd');
});

test('a 200 "duplicate" counts as delivered too', async () => {
  const { transport, sent, requests } = transportWith(() => new Response('{"duplicate":true}', { status: 200 }));
  transport.send(batch('b1'));
  await settle();
  assert.deepEqual(sent, ['b1']);
  transport.flush();
  assert.equal(requests.length, 1);
});

test('without consent to keep them, batches are never written to the device', async () => {
  const { transport, store } = transportWith(() => undefined);
  transport.send(batch('b1'));
  assert.deepEqual(store.load(), []);
});

test('a 5xx is retried with exponential backoff; half the delay is fixed, half random', async () => {
  const { transport, clock, requests } = transportWith(() => 503);
  transport.send(batch('b1'));
  await settle();
  // random() = 0: the fixed half only, 1 s, then 2 s, then 4 s.
  for (const delay of [1000, 2000, 4000]) {
    const before = requests.length;
    clock.advance(delay - 1);
    transport.flush(); // a send before the retry time does not hurry it
    assert.equal(requests.length, before, `nothing before ${delay} ms`);
    clock.advance(1);
    assert.equal(requests.length, before + 1, `retried after ${delay} ms`);
    await settle();
  }
});

test('the random half of the backoff spreads the retries up to the full delay', async () => {
  await assertRetriedAfter(() => 500, 2000, { random: () => 1 });
});

test('a network error is retried like a 5xx', async () => {
  const { transport, clock, requests, sent } = transportWith((request) => {
    if (requests.length === 1) throw new TypeError('Failed to fetch');
    return 204;
  });
  transport.send(batch('b1'));
  await settle();
  assert.deepEqual(sent, []);
  clock.advance(1000);
  await settle();
  assert.equal(requests.length, 2);
  assert.deepEqual(sent, ['b1']);
});

test('Retry-After wins over the backoff, capped at five minutes', async () => {
  const retryAfter = (seconds) => () => new Response(null, { status: 429, headers: { 'Retry-After': seconds } });
  await assertRetriedAfter(retryAfter('7'), 7000);
  await assertRetriedAfter(retryAfter('3600'), 5 * 60 * 1000);
});

test('batches that fail together count as one failure', async () => {
  const { transport, clock, requests } = transportWith(() => 503);
  transport.send(batch('b1'));
  transport.send(batch('b2'));
  await settle();
  assert.equal(requests.length, 2);
  clock.advance(1000); // the first step of the backoff, not the second
  assert.equal(requests.length, 4);
});

test('a 4xx other than 429 drops the batch for good and says why in the console', async (t) => {
  const messages = consoleMessages(t);
  const { transport, clock, requests, store, sent } = transportWith(() => 400, { keepOnDevice: true });
  transport.send(batch('b1'));
  await settle();
  assert.deepEqual(sent, []);
  assert.deepEqual(store.load(), []);
  assert.match(messages.warn.join('\n'), /refused a batch \(HTTP 400\); it is dropped/);
  clock.advance(10 * 60 * 1000);
  transport.flush();
  assert.equal(requests.length, 1);
});

test('back online, waiting batches go at once rather than at the retry time', async () => {
  const { transport, requests, onlineEvents } = transportWith(() => 503);
  transport.send(batch('b1'));
  await settle();
  onlineEvents.dispatchEvent(new Event('online'));
  assert.equal(requests.length, 2);
});

test('at most 20 batches wait in memory: the oldest go first', async () => {
  let failing = true;
  const { transport, clock, requests } = transportWith(() => (failing ? 503 : 200));
  for (let i = 0; i < 25; i++) transport.send(batch(`b${i}`));
  await settle();
  failing = false;
  requests.length = 0;
  clock.advance(1000);
  assert.equal(requests.length, 20);
  assert.deepEqual(requests.map(idOf), Array.from({ length: 20 }, (_, i) => `b${i + 5}`));
});

test('withdrawal forgets everything: no retry, no late answer, nothing kept', async () => {
  const answers = [];
  const { transport, clock, requests, store, sent } = transportWith(() => new Promise((resolve) => answers.push(resolve)), { keepOnDevice: true });
  transport.send(batch('b1'));
  transport.send(batch('b2'));
  transport.forget();
  assert.deepEqual(store.load(), []);
  answers[0](new Response(null, { status: 200 }));
  answers[1](new Response(null, { status: 503 }));
  await settle();
  assert.deepEqual(sent, [], 'an answer to a post made before the withdrawal is ignored');
  assert.equal(clock.pending(), 0, 'no retry planned');
  clock.advance(10 * 60 * 1000);
  transport.flush();
  assert.equal(requests.length, 2);
});

test('resume sends what an earlier page kept, once, and only with consent to keep it', async () => {
  const storage = memoryStorage();
  const store = createOutbox(() => storage);
  store.keep({ id: 'old', ...batch('old'), at: Date.now() });
  const common = { clock: fakeClock(Date.now()), store, onlineEvents: new EventTarget(), beacon: null };

  const refused = fakeFetch(() => 200);
  new Transport(URL, { ...common, fetch: refused.fetch, keepOnDevice: () => false }).resume();
  assert.equal(refused.requests.length, 0);

  const allowed = fakeFetch(() => 200);
  const transport = new Transport(URL, { ...common, fetch: allowed.fetch, keepOnDevice: () => true });
  transport.resume();
  transport.resume();
  assert.equal(allowed.requests.length, 1);
  await settle();
  assert.deepEqual(store.load(), []);
});

test('leaving: beacons carry the batches; one the browser refuses stays for the next page', async () => {
  const beacons = [];
  let accept = true;
  const { transport, requests, store, sent } = transportWith(() => undefined, {
    keepOnDevice: true,
    beacon: (url, body) => beacons.push({ url, body }) && accept,
  });
  transport.send(batch('b1'), { leaving: true });
  assert.equal(requests.length, 0, 'no fetch as the page goes');
  assert.equal(beacons.length, 1);
  assert.equal(beacons[0].url, URL);
  assert.ok(beacons[0].body instanceof Uint8Array, 'the bytes themselves: a BufferSource has no content type, a CORS simple request');
  assert.deepEqual([...beacons[0].body], [...batch('b1').frame]);
  assert.deepEqual(sent, ['b1']);
  accept = false;
  transport.send(batch('b2'), { leaving: true });
  assert.deepEqual(store.load().map((kept) => [kept.id, kept.beaconed]), [['b1', true], ['b2', false]]);
});

test('leaving: a new batch is written to the device once, as beaconed, or as waiting when refused', () => {
  let accept = true;
  const { transport, store } = transportWith(() => undefined, { keepOnDevice: true, beacon: () => accept });
  const writes = [];
  const keep = store.keep.bind(store);
  store.keep = (kept) => writes.push([kept.id, Boolean(kept.beaconed)]) && keep(kept);
  transport.send(batch('b1'), { leaving: true });
  accept = false;
  transport.send(batch('b2'), { leaving: true });
  transport.send(null, { leaving: true }); // hidden again: b2 is on the device already
  assert.deepEqual(writes, [['b1', true], ['b2', false]]);
  assert.deepEqual(store.load().map((kept) => [kept.id, kept.beaconed]), [['b1', true], ['b2', false]]);
});

test('a beacon is not a delivery: with signals the batch stays until a later page gets a 2xx for it', async () => {
  const beacons = [];
  const first = transportWith(() => undefined, { keepOnDevice: true, beacon: (url, body) => beacons.push(body) > 0 });
  first.transport.send(batch('b1'), { leaving: true });
  first.transport.send(null, { leaving: true }); // hidden again: not beaconed twice
  assert.equal(beacons.length, 1);
  assert.deepEqual(first.sent, ['b1'], 'in the ledger once, as it went');
  assert.deepEqual(first.store.load().map((kept) => kept.id), ['b1']);

  // The next page resends it with fetch; the collector answers "duplicate" and it goes.
  const { fetch, requests } = fakeFetch(() => new Response('{"duplicate":true}', { status: 200 }));
  const sent = [];
  const next = new Transport(URL, {
    fetch, store: first.store, clock: fakeClock(), onlineEvents: new EventTarget(), beacon: null,
    keepOnDevice: () => true, onSent: (delivered) => sent.push(delivered.id),
  });
  next.resume();
  assert.deepEqual(requests.map(idOf), ['b1']);
  await settle();
  assert.deepEqual(first.store.load(), []);
  assert.deepEqual(sent, [], 'not in the ledger twice');
});

test('a beaconed batch the same page still holds is confirmed by its next fetch', async () => {
  const { transport, requests, store } = transportWith(() => 200, { keepOnDevice: true, beacon: () => true });
  transport.send(batch('b1'), { leaving: true });
  assert.equal(requests.length, 0);
  transport.flush(); // the page came back
  assert.deepEqual(requests.map(idOf), ['b1']);
  await settle();
  assert.deepEqual(store.load(), []);
});

test('at counts nothing stays on the device: the beacon is the delivery, as before', () => {
  const { transport, store, sent, requests } = transportWith(() => 200, { keepOnDevice: false, beacon: () => true });
  transport.send(batch('b1'), { leaving: true });
  assert.deepEqual(sent, ['b1']);
  assert.deepEqual(store.load(), []);
  transport.flush();
  assert.equal(requests.length, 0);
});

test('leaving without sendBeacon: the batches are posted', () => {
  const { transport, requests } = transportWith(() => undefined, { beacon: null });
  transport.send(batch('b1'), { leaving: true });
  assert.equal(requests.length, 1);
});
