// The wasm files' digest check (js/src/wasm_digest.js, codec_loader.js, codec_pipe.js): bytes
// other than the build's are never instantiated; a refused codec means nothing is sent, said once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { loadCodec } from '../../js/src/codec_loader.js';
import { CodecPipe } from '../../js/src/codec_pipe.js';
import { checkedBytes, DigestMismatch, fetchChecked } from '../../js/src/wasm_digest.js';
import { consoleMessages, fakeFetch, settle } from './fakes.mjs';

const bytes = new TextEncoder().encode('not really wasm');
const digestOf = (data) => createHash('sha256').update(data).digest('hex');

test('bytes with the expected SHA-256 pass; others are refused', async () => {
  assert.equal(await checkedBytes(bytes, digestOf(bytes), 'friction.wasm'), bytes);
  await assert.rejects(checkedBytes(bytes, digestOf('other'), 'friction.wasm'), DigestMismatch);
});

test('without crypto.subtle (plain http) the check is skipped, with one console note', async (t) => {
  const infos = [];
  t.mock.method(console, 'info', (...args) => infos.push(args.join(' ')));
  assert.equal(await checkedBytes(bytes, digestOf('other'), 'friction.wasm', null), bytes);
  await checkedBytes(bytes, digestOf('other'), 'friction-codec.wasm', null);
  assert.equal(infos.length, 1);
  assert.match(infos[0], /not a secure context .* not checked against its SHA-256/);
});

test('a codec whose bytes are not the build\'s is never instantiated', async () => {
  const { fetch, requests } = fakeFetch(() => new Response(bytes));
  await assert.rejects(loadCodec('https://cdn.example/friction-codec.wasm', fetch, { expected: digestOf('the real codec') }), DigestMismatch);
  assert.deepEqual(requests.map((request) => request.init.cache), ['default', 'reload'], 'refused only once a fresh copy failed too');
});

test('a copy from the HTTP cache that fails the check is fetched again past the cache, and that one is used', async () => {
  const wrongCopy = bytes.slice(0, 3); // e.g. a tail that a server gave for a range as if whole
  const { fetch, requests } = fakeFetch((request) => new Response(request.init.cache === 'reload' ? bytes : wrongCopy));
  const checked = new Uint8Array(await fetchChecked('https://cdn.example/friction.wasm', digestOf(bytes), 'friction.wasm', fetch));
  assert.deepEqual(checked, bytes);
  assert.equal(requests.length, 2);
  assert.deepEqual(requests[0].init, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'default' });
  assert.equal(requests[1].init.cache, 'reload');
});

test('where the bytes cannot be checked (plain http), the cache asks the server first: a kept copy may be another build\'s', async (t) => {
  t.mock.method(console, 'info', () => {});
  const { fetch, requests } = fakeFetch(() => new Response(bytes));
  await fetchChecked('http://shop.example/friction.wasm', digestOf(bytes), 'friction.wasm', fetch, null);
  assert.deepEqual(requests.map((request) => request.init.cache), ['no-cache']);
});

test('a file that cannot be had is not asked for twice: only a wrong copy is', async () => {
  const { fetch, requests } = fakeFetch(() => 404);
  await assert.rejects(fetchChecked('https://cdn.example/friction.wasm', digestOf(bytes), 'friction.wasm', fetch), /HTTP 404/);
  assert.equal(requests.length, 1);
});

test('a refused codec: nothing is sent, one console message, no fetch again', async (t) => {
  const messages = consoleMessages(t);
  let loads = 0;
  const delivered = [];
  const pipe = new CodecPipe('https://cdn.example/friction-codec.wasm', {
    fetch: () => null,
    deliver: (batch) => delivered.push(batch),
    load: async () => {
      loads += 1;
      throw new DigestMismatch('friction-codec.wasm is not the file this friction.js was built with.');
    },
  });
  assert.equal(pipe.batchOf(new Uint8Array([1])), null);
  await settle();
  assert.equal(pipe.batchOf(new Uint8Array([2])), null);
  assert.equal(await pipe.journeyJsonOf(new Uint8Array([3])), null);
  await settle();
  assert.equal(loads, 1);
  assert.deepEqual(delivered, []);
  assert.equal(messages.error.length, 1);
  assert.match(messages.error[0], /not the file this friction.js was built with\. Nothing is sent\./);
  assert.deepEqual(messages.warn, []);
});
