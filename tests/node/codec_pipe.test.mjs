// CodecPipe (js/src/codec_pipe.js): the codec's idle warm-up. A page whose module an earlier page
// of the site most likely compiled digests the dictionary only; any other runs every step, so
// that the pagehide that sends the last batch compiles nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodecPipe } from '../../js/src/codec_pipe.js';
import { LAST_WARM_UP_STEP } from '../../js/src/codec_imports.js';

// A codec that writes down the warm-up steps it is asked for, each an idle moment apart.
function fakeCodec() {
  const steps = [];
  const warmUp = (step) => {
    steps.push(step);
    return true;
  };
  return { steps, warmUp };
}

// Resolves once the warm-up has been quiet for a while (whenIdle is a 1 ms timer under Node).
const quiet = () => new Promise((resolve) => setTimeout(resolve, 50));

async function warmUpSteps(options) {
  const codec = fakeCodec();
  const pipe = new CodecPipe('https://cdn.example/friction-codec.wasm', {
    fetch: () => null, deliver: () => {}, load: async () => codec, ...options,
  });
  assert.equal(await pipe.load(), codec);
  await quiet();
  return codec.steps;
}

test('a codec no earlier page compiled: every warm-up step, in order', async () => {
  const all = Array.from({ length: LAST_WARM_UP_STEP + 1 }, (_, step) => step);
  assert.deepEqual(await warmUpSteps({}), all);
  assert.deepEqual(await warmUpSteps({ warmerUrl: 'https://cdn.example/friction-codec-warmer-X.mjs' }), all);
});

test('a codec an earlier page of the site compiled: only the dictionary is digested', async () => {
  assert.deepEqual(await warmUpSteps({ compiledEarlier: true }), [0]);
});
