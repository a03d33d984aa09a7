// The side-by-side bench's trace reader (tests/bench/peers/main_thread.mjs) on a made-up trace:
// a navigation's task that holds the old page's pagehide is listed over 10 ms, with the part of
// it that ran the SDK's files counted apart from the browser's own unload and commit work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mainThreadByPage } from '../bench/peers/main_thread.mjs';

const PID = 7;
const TID = 1;
const at = (ms) => ms * 1000;
const event = (name, startMs, cpuMs, args = {}) => ({
  ph: 'X', pid: PID, tid: TID, name, cat: 'devtools.timeline', ts: at(startMs), dur: at(cpuMs), tts: at(startMs), tdur: at(cpuMs), args,
});
const navigation = (startMs, url) => ({
  ph: 'I', pid: PID, tid: TID, name: 'navigationStart', cat: 'blink.user_timing', ts: at(startMs),
  args: { data: { isLoadingMainFrame: true, documentLoaderURL: url } },
});
const call = (startMs, cpuMs, url) => event('FunctionCall', startMs, cpuMs, { data: { url, functionName: 'leave' } });

test('a pagehide inside a navigation task: the task is listed, the SDK\'s own part is its listener only', () => {
  const events = [
    { ph: 'M', pid: PID, tid: TID, name: 'thread_name', args: { name: 'CrRendererMain' } },
    navigation(0, 'http://shop.test/'),
    // The navigation's task: 14 ms of CPU, of which the SDK's pagehide listener takes 3 and
    // a page's own pagehide listener 1.
    event('RunTask', 1000, 14),
    event('EventDispatch', 1001, 4.5, { data: { type: 'pagehide' } }),
    call(1001.2, 3, 'http://shop.test/dist/friction.js'),
    event('wasm.CompileLazy', 1002, 0.5),
    call(1004.3, 1, 'http://shop.test/shop.js'),
    event('HTMLDocumentParser::MaybeFetchQueuedPreloads', 1006, 1.2),
    navigation(1010, 'http://shop.test/checkout'),
    // A task of the SDK's alone, under 10 ms: not listed.
    event('RunTask', 1100, 4),
    call(1100.5, 3.5, 'http://shop.test/dist/friction.js'),
  ];
  const [first, second] = mainThreadByPage(events);
  assert.equal(first.pieces.length, 1);
  const [piece] = first.pieces;
  assert.equal(piece.cpuMs, 14);
  assert.equal(piece.event, 'EventDispatch(pagehide)');
  assert.match(piece.url, /\/dist\/friction\.js$/);
  assert.equal(piece.sdkCpuMs, 3, 'the SDK\'s listener, with the compile inside it; not the page\'s, not the commit');
  assert.deepEqual(second.pieces, []);
});
