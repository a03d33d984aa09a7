// The shop as every lane sees it: a small HTTP server on loopback in front of the real
// collector. It serves the lane's version of each page, the peers' files and answers to their
// collectors (lanes.mjs), passes the rest on, and counts the request bodies sent to any
// collector. Counting here, not in a Playwright route, keeps what a page sends as it closes
// (sendBeacon, keepalive fetch): a route stops seeing the page's requests once it closes.
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { answerPeer } from './lanes.mjs';

export async function startCountingProxy(collectorBase) {
  const upstream = new URL(collectorBase);
  const state = { lane: null, counters: null };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      handle(req, body, res).catch((error) => {
        state.counters?.errors.push(`proxy ${req.url}: ${error.message}`);
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
    });
  });

  async function handle(req, body, res) {
    const { lane, counters } = state;
    const { pathname } = new URL(req.url, 'http://x');
    const peer = answerPeer(pathname);
    const upload = peer?.upload || lane?.uploadUrl?.(pathname);
    if (upload && req.method !== 'GET' && req.method !== 'OPTIONS') counters?.upload(body.length, pathname);
    if (peer) {
      const answer = peer.anyOther && req.method === 'GET' ? { status: 404, contentType: 'text/plain', body: '' } : peer.response;
      const bytes = Buffer.from(answer.body);
      // As the collector serves this SDK's files that keep their name from build to build
      // (demo/collector/static_caching.h): checked again at each use, a 304 while unchanged.
      const tag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
      const headers = { 'Content-Type': answer.contentType, 'Cache-Control': 'no-cache', ETag: tag };
      if (req.method === 'GET' && answer.status === 200 && ifNoneMatchNames(req.headers['if-none-match'], tag)) {
        res.writeHead(304, headers);
        return res.end();
      }
      if (peer.own && answer.status === 200) counters?.served(pathname);
      res.writeHead(answer.status, { ...headers, 'Content-Length': bytes.length });
      return res.end(bytes);
    }
    const isPage = req.method === 'GET' && /text\/html/.test(req.headers.accept || '');
    const headers = { ...req.headers, host: upstream.host };
    // The collector takes batches only from the site's registered origin: this proxy's own
    // origin stands for it.
    if (headers.origin === `http://${req.headers.host}`) headers.origin = upstream.origin;
    if (isPage) delete headers['accept-encoding'];
    const answer = await forward(upstream, req.method, req.url, headers, body);
    const type = answer.headers['content-type'] || '';
    if (isPage && type.startsWith('text/html') && lane) {
      if (answer.headers['content-encoding']) throw new Error('a compressed page cannot be rewritten');
      const html = Buffer.from(lane.html(answer.body.toString('utf8')));
      res.writeHead(answer.status, { ...answer.headers, 'content-length': html.length });
      return res.end(html);
    }
    if (lane?.ownUrl?.(pathname) && answer.status === 200) counters?.served(pathname);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    // The lane and the counters of the journey about to run.
    use(lane, counters) {
      state.lane = lane;
      state.counters = counters;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// An If-None-Match header (a list, weak tags, or *) that names `tag`.
function ifNoneMatchNames(header, tag) {
  return String(header ?? '').split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === '*' || t === tag);
}

function forward(upstream, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: upstream.hostname, port: upstream.port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const out = { ...res.headers };
        delete out['transfer-encoding'];
        delete out.connection;
        resolve({ status: res.statusCode, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
