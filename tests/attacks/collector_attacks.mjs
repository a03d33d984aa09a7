// Plays each attack on an exposed collector against the real binary and asserts its answer:
// endless chunked bodies, Origin rotation and X-Forwarded-For spoofing, the demo's routes on a
// collector for real sites, and a client that goes silent mid-request.
// Usage: node tests/attacks/collector_attacks.mjs [build-dir]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';

const build = resolve(process.argv[2] ?? 'build');
const root = resolve(new URL('../..', import.meta.url).pathname);
const work = mkdtempSync(join(tmpdir(), 'friction-attacks-'));
const running = [];

async function startCollector(name, flags) {
  const child = spawn(join(build, 'friction-collector'),
    ['--port', '0', '--db', join(work, `${name}.db`), '--root', root, ...flags],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  let out = '';
  const port = await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok(Number(m[1]));
    });
    child.on('exit', (code) => fail(new Error(`${name} collector exited (${code}): ${out}`)));
  });
  return { port, pid: child.pid };
}

function rssKb(pid) {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
}

// Raw HTTP over one socket: `head` then, if `chunks`, endless 64 KB chunks until the collector
// answers and closes, or `limit` bytes went out. Resolves with the status line and bytes sent.
function rawRequest(port, head, { chunks = false, limit = 256 << 20, silentMs = 0 } = {}) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '', sent = 0, closed = false;
    const chunk = Buffer.from(`10000\r\n${'x'.repeat(0x10000)}\r\n`);
    const started = Date.now();
    const finish = () => {
      if (closed) return;
      closed = true;
      socket.destroy();
      done({ status: Number(answer.split(' ')[1] ?? 0), sent, ms: Date.now() - started });
    };
    socket.on('data', (d) => { answer += d; });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(head);
      if (!chunks) return;
      const pump = () => {
        while (!closed && sent < limit) {
          sent += chunk.length;
          if (!socket.write(chunk)) return socket.once('drain', pump);
        }
        if (sent >= limit) finish();
      };
      pump();
    });
    if (silentMs) setTimeout(finish, silentMs);
  });
}

const post = (port, path, headers, body) =>
  fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body }).then((r) => r.status);

const handoff = JSON.stringify({ v: 1, site: 'shop', summary: null });
const failures = [];
async function attack(name, play) {
  try {
    await play();
    console.log(`ok    ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL  ${name}\n      ${error.message.split('\n').join('\n      ')}`);
  }
}

try {
  // A collector for a real site, behind a proxy on 127.0.0.1, with a low rate to reach it fast.
  const real = await startCollector('real', ['--site', 'shop=https://shop.example',
    '--rate-limit', '1', '--trusted-proxy', '127.0.0.1', '--read-timeout', '1',
    '--keep-alive-timeout', '1']);
  const demo = await startCollector('demo', ['--demo']);
  // Any site, as the demo takes: only the rate limit stands in a rotating client's way.
  const open = await startCollector('open', ['--rate-limit', '1']);

  await attack('endless chunked POST to every POST route: refused at the cap, RSS bounded', async () => {
    const before = rssKb(demo.pid);
    for (const path of ['/v1/signals', '/v1/handoff', '/shop/api/checkout', '/v1/nothing']) {
      const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n` +
        'Content-Type: application/json\r\n\r\n';
      const { status, sent } = await rawRequest(demo.port, head, { chunks: true });
      assert.ok([404, 413].includes(status), `${path}: status ${status}`);
      assert.ok(sent < 64 << 20, `${path}: the collector took ${sent >> 20} MB`);
    }
    const grown = rssKb(demo.pid) - before;
    assert.ok(grown < 32 * 1024, `RSS grew by ${grown >> 10} MB`);
  });

  await attack('a declared Content-Length over the cap: 413 before the body', async () => {
    const head = 'POST /v1/signals HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\n';
    const { status } = await rawRequest(demo.port, head, { silentMs: 1000 });
    assert.equal(status, 413);
  });

  await attack('a new Origin on every request, no sites registered: 429 after the burst', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(await post(open.port, '/v1/handoff', { Origin: `https://spoof${i}.example`,
        'Content-Type': 'application/json' }, JSON.stringify({ v: 1, site: 'any', summary: null })));
    }
    assert.ok(statuses.filter((s) => s === 429).length >= 4, statuses.join(' '));
  });

  // Rotating Origins: the unknown ones are refused (403) without spending tokens, the site's
  // own spends the address's, whatever came between.
  await attack('Origin rotation from one address: 429 after its burst', async () => {
    const statuses = [];
    for (let i = 0; i < 30; i++) {
      statuses.push(await post(real.port, '/v1/handoff', {
        Origin: i % 2 ? 'https://shop.example' : `https://spoof${i}.example`,
        'X-Forwarded-For': '203.0.113.9', 'Content-Type': 'application/json' }, handoff));
    }
    assert.ok(statuses.filter((s) => s === 429).length >= 4, statuses.join(' '));
  });

  // Were the left-most address believed, a fresh one would get a burst of 2 and one 429.
  await attack('X-Forwarded-For spoofing: the client-written part is ignored', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(await post(real.port, '/v1/handoff', { Origin: 'https://shop.example',
        'X-Forwarded-For': '198.51.100.99, 203.0.113.9', 'Content-Type': 'application/json' }, handoff));
    }
    assert.ok(statuses.filter((s) => s === 429).length >= 2, statuses.join(' '));
  });

  await attack("the site's visitors from another address still get 2xx", async () => {
    const status = await post(real.port, '/v1/handoff', { Origin: 'https://shop.example',
      'X-Forwarded-For': '198.51.100.7', 'Content-Type': 'application/json' }, handoff);
    assert.equal(status, 201);
  });

  await attack('demo routes are absent without --demo', async () => {
    for (const path of ['/shop/api/slow?ms=5000', '/shop/api/fail', '/', '/checkout', '/shop/app.js']) {
      const status = (await fetch(`http://127.0.0.1:${real.port}${path}`)).status;
      assert.equal(status, 404, `${path}: ${status}`);
    }
    assert.equal(await post(real.port, '/shop/api/checkout', { 'Content-Type': 'application/json' },
      '{"postcode":"12345"}'), 404);
  });

  await attack('a slow client that goes silent mid-request is dropped by the read timeout', async () => {
    const { ms } = await rawRequest(real.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ',
      { silentMs: 10000 });
    assert.ok(ms < 4000, `dropped after ${ms} ms`);  // httplib's defaults: 5 s + 5 s
  });
} finally {
  for (const child of running) child.kill();
  rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`${failures.length} attack(s) not answered as expected`);
  process.exit(1);
}
