// A core that traps (js/src/core_guard.js): what the browser calls into it (the drain timer,
// a request's end) never throws into the page, and the SDK turns itself off once, saying so
// once. A stub recorder's core stands in for friction.wasm.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureErrorsAndRequests } from '../../js/src/capture/errors_and_requests.js';
import { DRAIN_DELAY_MS, Recorder } from '../../js/src/capture/recorder.js';
import { coreGuard } from '../../js/src/core_guard.js';
import { consoleMessages } from './fakes.mjs';

const trap = () => {
  throw new WebAssembly.RuntimeError('unreachable');
};
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A recorder over a ring that is full after `room` records, so that recording drains at once.
function recorderOverTrappingCore({ room = Infinity } = {}) {
  const off = { count: 0 };
  const drains = { count: 0 };
  const guard = coreGuard(() => (off.count += 1));
  let written = 0;
  const ring = { write: () => written++ < room };
  const recorder = new Recorder({ ring, guard, drain: () => { drains.count += 1; trap(); }, nextDeadline: () => Infinity });
  return { recorder, guard, off, drains };
}

test('a trap in the drain timer stays inside: the SDK is off once, one console message', async (t) => {
  const messages = consoleMessages(t);
  const { recorder, off, drains } = recorderOverTrappingCore();
  recorder.record(1, 0);
  await wait(DRAIN_DELAY_MS); // the drain timer runs and traps, on a busy machine a little later
  for (let waited = 0; waited < 2000 && drains.count === 0; waited += 10) await wait(10);
  assert.equal(drains.count, 1);
  assert.equal(off.count, 1);
  assert.equal(messages.error.length, 1);
  assert.match(messages.error[0], /friction\.wasm failed \(in drain\); the SDK is off on this page/);
  recorder.stop();
  recorder.record(1, 0);
  recorder.soon();
  await wait(20);
  assert.equal(drains.count, 1, 'nothing calls the core once it is off');
});

test("a request's end that reaches a trapping core never throws into the page's XHR or fetch", async (t) => {
  const messages = consoleMessages(t);
  const { recorder, guard, off } = recorderOverTrappingCore({ room: 0 }); // every record drains now
  class FakeXhr extends EventTarget {
    send() {
      this.dispatchEvent(new Event('loadend'));
    }
  }
  const pageErrors = [];
  const onError = (error) => pageErrors.push(error);
  process.on('uncaughtException', onError);
  t.after(() => process.off('uncaughtException', onError));
  const saved = globalThis.window;
  globalThis.window = { XMLHttpRequest: FakeXhr, fetch: async () => new Response(null, { status: 503 }) };
  t.after(() => (globalThis.window = saved));

  captureErrorsAndRequests(recorder, () => {}, guard);
  new window.XMLHttpRequest().send();
  const response = await window.fetch('/api');
  assert.equal(response.status, 503, 'the page gets its answer untouched');
  await wait(10);
  assert.deepEqual(pageErrors, []);
  assert.equal(off.count, 1);
  assert.equal(messages.error.length, 1);
});

test('other errors are logged and the SDK carries on', (t) => {
  const messages = consoleMessages(t);
  let off = 0;
  const guard = coreGuard(() => (off += 1));
  const broken = guard(() => {
    throw new TypeError('a bug in the JS layer');
  }, 'capture');
  broken();
  broken();
  assert.equal(off, 0);
  assert.equal(messages.error.length, 2);
  assert.match(messages.error[0], /internal error in capture; the SDK carries on/);
});
