// The side-by-side bench's trace reader (tests/bench/peers/main_thread.mjs) on a made-up trace:
// a navigation's task that holds the old page's pagehide is listed over 10 ms, with the part of
// it that ran the SDK's files counted apart from the browser's own unload and commit work; each
// task is counted under its first event, and the main thread's wasm compiles page by page.
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

test('each task is counted under its first event, and the main thread\'s wasm compiles by page', () => {
  const events = [
    { ph: 'M', pid: PID, tid: TID, name: 'thread_name', args: { name: 'CrRendererMain' } },
    { ph: 'M', pid: PID, tid: 2, name: 'thread_name', args: { name: 'DedicatedWorker thread' } },
    navigation(0, 'http://shop.test/'),
    event('RunTask', 10, 2),
    event('RunYieldContinuation', 10.1, 1.8),
    event('wasm.CompileLazy', 10.2, 0.3),
    event('wasm.CompileLazy', 10.6, 0.2),
    event('RunTask', 20, 1),
    event('EventDispatch', 20.1, 0.5, { data: { type: 'keydown' } }),
    event('RunTask', 30, 0.4), // nothing traced inside: loading or IPC plumbing
    event('RunTask', 40, 0.6),
    event('RunYieldContinuation', 40.1, 0.4),
    // A worker's compile is not the page's.
    { ...event('wasm.CompileLazy', 41, 5), tid: 2 },
    navigation(100, 'http://shop.test/checkout'),
    event('RunTask', 110, 3),
    event('RunYieldContinuation', 110.5, 2),
  ];
  const [first, second] = mainThreadByPage(events);
  assert.deepEqual(Object.keys(first.kinds).sort(), ['(no traced event)', 'EventDispatch(keydown)', 'RunYieldContinuation']);
  assert.equal(first.kinds.RunYieldContinuation.tasks, 2);
  assert.equal(first.kinds.RunYieldContinuation.cpuMs.toFixed(1), '2.6');
  assert.equal(first.kinds['(no traced event)'].cpuMs.toFixed(1), '0.4');
  assert.equal(first.wasmCompiles, 2);
  assert.equal(first.wasmCompileCpuMs.toFixed(1), '0.5');
  assert.deepEqual(second.kinds, { RunYieldContinuation: { tasks: 1, cpuMs: 3 } });
  assert.equal(second.wasmCompiles, 0);
});
