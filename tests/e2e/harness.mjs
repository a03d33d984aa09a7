// Shared set-up for the end-to-end tests: the real collector on a free loopback port with a
// temporary database, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startTrace } from '../bench/peers/trace_session.mjs';

export const root = resolve(new URL('../..', import.meta.url).pathname);

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url, process, output) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (process.exitCode !== null) throw new Error(`collector exited early:\n${output.join('')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`collector did not become healthy:\n${output.join('')}`);
}

// simulate: { days, visitorsPerDay }: the database starts with that much simulated shop traffic
// (demo/simulate/, the SDK's engine on generated journeys), as the demo's first run does.
// serveFrom: the directory it serves demo/ and dist/ from, if not this repo.
export async function startCollector({ simulate = null, serveFrom = root } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'friction-e2e-'));
  const db = join(dir, 'signals.db');
  if (simulate) {
    execFileSync(join(root, 'build/simulate_traffic'), ['--db', db, '--days', String(simulate.days),
      '--visitors-per-day', String(simulate.visitorsPerDay)], { encoding: 'utf8' });
  }
  const port = await freePort();
  const output = [];
  const base = `http://127.0.0.1:${port}`;
  // As scripts/demo.sh: a fresh token for the views, and the shop's pages (data-site="demo")
  // registered as the site that may write.
  const token = randomBytes(24).toString('hex');
  const args = ['--port', String(port), '--db', db, '--root', serveFrom, '--site', `demo=${base}`, '--demo'];
  const child = spawn(join(root, 'build/friction-collector'), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FRICTION_ACCESS_TOKEN: token },
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  await waitForHealth(`${base}/healthz`, child, output);
  return {
    base,
    // A view (/dashboard, /agent) as the operator opens it: with the token, which the
    // collector trades for a cookie.
    viewUrl: (path) => `${base}${path}?token=${token}`,
    // /v1/summary as a script reads it.
    summary: async () => (await fetch(`${base}/v1/summary`, { headers: { Authorization: `Bearer ${token}` } })).json(),
    // Rows as the collector stored them, read with the sqlite3 CLI.
    query: (sql) => JSON.parse(execFileSync('sqlite3', ['-json', db, sql], { encoding: 'utf8' }) || '[]'),
    // Every batch the collector accepted, from any page: a test asserting that nothing was
    // sent compares it before and after, so that a beacon sent as the page went away counts.
    storedBatches() {
      return this.query('SELECT COUNT(*) AS n FROM batches')[0].n;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

// Collects what the page says in the console and what it throws, to assert the SDK is quiet.
export function watchPage(page) {
  const seen = { errors: [], console: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => seen.console.push(`${message.type()}: ${message.text()}`));
  return seen;
}

// The workers the page starts, as they come: each { url, closed }, closed once it has ended.
export function watchWorkers(page) {
  const workers = [];
  page.on('worker', (worker) => {
    const entry = { url: worker.url(), closed: false };
    worker.once('close', () => { entry.closed = true; });
    workers.push(entry);
  });
  return workers;
}

// Long enough for a beacon sent as a page hides to reach the collector (on loopback) and be
// stored: a "nothing was sent" check reads the database after it.
const BEACON_GRACE_MS = 1000;

// Closes the page as a visitor would (pagehide runs: the SDK may send by beacon), and waits for
// what it sent as it went to be stored. The page's own request events end with it, so what
// it sent then is only seen in the collector's database.
export async function closeAndLetBeaconsLand(page) {
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  await new Promise((resolve) => setTimeout(resolve, BEACON_GRACE_MS));
}

// Clicks the centre of an element `times` times, `gapMs` apart, as an annoyed person would.
export async function clickRepeatedly(page, selector, times, gapMs) {
  const box = await page.locator(selector).boundingBox();
  for (let i = 0; i < times; i++) {
    await page.mouse.click(box.x + box.width / 2 + (i % 2), box.y + box.height / 2);
    await page.waitForTimeout(gapMs);
  }
}

// A visitor who already answered the consent panel (with a refusal unless told otherwise): the
// panel stays closed, so tests can use the page. Tests about the panel itself start without it.
// Runs in the page (addInitScript), on every load: a later choice made in the test is kept.
export function answeredVisitor(level = 'none') {
  if (localStorage.getItem('friction:consent')) return;
  const receipt = { id: 'test-visitor', revision: '1', level, at: Date.now(), lang: 'en', gpc: false };
  localStorage.setItem('friction:consent', JSON.stringify(receipt));
}

// A new context and page for a visitor who answered `level` ('none' or 'signals').
export async function newAnsweredPage(browser, options, { level = 'none' } = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(answeredVisitor, level);
  const page = await context.newPage();
  page.once('close', () => context.close().catch(() => {}));
  return page;
}

// Registers a collector and a browser for the whole test file; read them from the returned
// object inside tests (they exist once `before` has run).
export function useCollectorAndBrowser(collectorOptions) {
  const suite = { collector: null, browser: null };
  before(async () => {
    suite.collector = await startCollector(collectorOptions);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.collector?.stop();
  });
  return suite;
}

// The demo pages with extra settings on the SDK's script tag, e.g.
// { 'data-consent': 'notice' }: the site as another web developer would configure it.
export async function withScriptSettings(context, settings) {
  // Set on the script element as the parser adds it, before it runs (the demo's tag is async, so
  // it runs once fetched). No request is routed: a routed context can lose the beacon a page
  // sends as it closes, and a test that counts what was sent would then pass for the wrong
  // reason.
  await context.addInitScript((attributes) => {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName !== 'SCRIPT' || !node.hasAttribute('data-site')) continue;
          for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => observer.disconnect(), { once: true });
  }, settings);
}

// What of the page's requests reached the server (CDP's ExtraInfo events: what went on the wire;
// a file the cache gave without asking has none). sent(pattern): { path, headers, status } for
// each such request whose path matches, headers once sent, status once answered. The URL comes
// in another event than these, in either order. network: the CDP session, for other commands.
export async function watchWire(page) {
  const network = await page.context().newCDPSession(page);
  await network.send('Network.enable');
  const paths = new Map();
  const wire = new Map();
  const entry = (requestId) => wire.get(requestId) || wire.set(requestId, {}).get(requestId);
  network.on('Network.requestWillBeSent', ({ requestId, request }) => paths.set(requestId, new URL(request.url).pathname));
  network.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => { entry(requestId).headers = headers; });
  network.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => { entry(requestId).status = statusCode; });
  return {
    network,
    sent: (pattern) => [...wire].map(([id, seen]) => ({ path: paths.get(id), ...seen })).filter(({ path }) => pattern.test(path || '')),
    clear: () => wire.clear(),
  };
}

// The wasm functions the browser's renderers compiled on their main thread (V8 compiles each at
// its first call; Chromium's trace names it wasm.CompileLazy) while `act` ran.
export async function wasmCompiledOnMainThreadDuring(browser, act) {
  const trace = await startTrace(browser);
  let events;
  try {
    await act();
  } finally {
    events = await trace.stop();
  }
  const mainThreads = new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.name === 'wasm.CompileLazy' && mainThreads.has(`${e.pid}:${e.tid}`)).length;
}
