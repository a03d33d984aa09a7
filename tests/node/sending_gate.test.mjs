// SendingGate (js/src/sending_gate.js): friction.js's stand-in for the send chunk. Records the
// core makes before the chunk runs wait and go once it does, in order; a failed load is said
// once and tried again at the next send; a withdrawal drops what waits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SendingGate } from '../../js/src/sending_gate.js';
import { consoleMessages, settle } from './fakes.mjs';

// A chunk whose pipe "encodes" a record as itself and whose transport writes down what it gets.
function fakeChunk() {
  const log = [];
  const chunk = {
    createSending: (options) => {
      log.push(['created', options.collector]);
      return {
        pipe: {
          batchOf: (record) => record && `batch ${record}`,
          load: () => log.push(['codec']),
          dropWaiting: () => log.push(['pipe dropped']),
          journeyJsonOf: async (record) => `journey ${record}`,
        },
        transport: {
          resume: () => log.push(['resumed']),
          send: (batch, options) => log.push(['send', batch, options && options.leaving]),
          forget: () => log.push(['forgot']),
        },
      };
    },
  };
  return { chunk, log };
}

// A load that fails while `down` says so, and counts its calls.
function loader(chunk) {
  const state = { down: false, calls: 0 };
  state.load = () => {
    state.calls += 1;
    return state.down ? Promise.reject(new Error('could not load friction-send-X.mjs (copy every file of dist/ next to friction.js): 503')) : Promise.resolve(chunk);
  };
  return state;
}

// A gate whose chunk cannot be had until load.down is set false.
function gateDownAtFirst() {
  const { chunk, log } = fakeChunk();
  const load = loader(chunk);
  load.down = true;
  return { gate: new SendingGate({}, load.load), load, log };
}

test('records made before the chunk runs go, in order, once it does; later ones go at once', async () => {
  const { chunk, log } = fakeChunk();
  const gate = new SendingGate({ collector: 'https://c.example/v1/signals' }, loader(chunk).load);
  gate.send('r1');
  gate.send('r2');
  gate.send(null); // a send with nothing new: nothing to do yet
  assert.deepEqual(log, [], 'nothing runs before the chunk arrives');
  await settle();
  assert.deepEqual(log, [['created', 'https://c.example/v1/signals'], ['resumed'], ['send', 'batch r1', undefined], ['send', 'batch r2', undefined]]);
  gate.send('r3', { leaving: true });
  gate.send(null, { leaving: true }); // queued batches still get their beacon
  assert.deepEqual(log.slice(4), [['send', 'batch r3', true], ['send', null, true]]);
});

test('the chunk is not asked for while nothing may be sent', async () => {
  const { chunk } = fakeChunk();
  const load = loader(chunk);
  const gate = new SendingGate({}, load.load);
  gate.send(null);
  gate.dropWaiting();
  gate.forget();
  await settle();
  assert.equal(load.calls, 0);
});

test('a failed load is said once, tried again at the next send, and the records that waited go then', async (t) => {
  const messages = consoleMessages(t);
  const { gate, load, log } = gateDownAtFirst();
  gate.send('r1');
  await settle();
  gate.send(null);
  await settle();
  assert.equal(load.calls, 2, 'each send tries again while records wait');
  assert.equal(messages.warn.length, 1);
  assert.match(messages.warn[0], /^\[friction\] could not load friction-send-X\.mjs .*; nothing is sent until it loads/);
  load.down = false;
  gate.send(null);
  await settle();
  assert.deepEqual(log.filter(([what]) => what === 'send'), [['send', 'batch r1', undefined]]);
  assert.equal(messages.warn.length, 1);
});

test('a withdrawal drops the records that wait for the chunk, and what the pipe and transport hold', async (t) => {
  consoleMessages(t);
  const { gate, load, log } = gateDownAtFirst();
  gate.send('r1');
  await settle();
  gate.dropWaiting();
  load.down = false;
  gate.prepare(); // consent given again: the chunk, then the codec
  await settle();
  assert.deepEqual(log, [['created', undefined], ['resumed'], ['codec']], 'r1 never goes');
  gate.forget();
  assert.deepEqual(log.slice(3), [['pipe dropped'], ['forgot']]);
});

test('at most 20 records wait; the oldest go first', async (t) => {
  consoleMessages(t);
  const { gate, load, log } = gateDownAtFirst();
  for (let i = 1; i <= 25; i++) gate.send(`r${i}`);
  await settle();
  load.down = false;
  gate.send(null);
  await settle();
  const sent = log.filter(([what]) => what === 'send').map(([, batch]) => batch);
  assert.equal(sent.length, 20);
  assert.deepEqual([sent[0], sent[19]], ['batch r6', 'batch r25']);
});

test("a hand-off summary fetches the chunk even where nothing else would, and is null when it cannot", async (t) => {
  consoleMessages(t);
  const { chunk } = fakeChunk();
  const load = loader(chunk);
  assert.equal(await new SendingGate({}, load.load).journeyJsonOf('j'), 'journey j');
  assert.equal(await new SendingGate({}, load.load).journeyJsonOf(null), null, 'no record, no fetch');
  assert.equal(load.calls, 1);
  load.down = true;
  assert.equal(await new SendingGate({}, load.load).journeyJsonOf('j'), null);
});
