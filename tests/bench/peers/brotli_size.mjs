// Brotli -q11 size of a response body, as a CDN would serve it (the local collector may not
// compress). Cached by content: the same file loads on every page and every run.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';

const cache = new Map();

export function brotliSize(body) {
  if (!body || body.length === 0) return 0;
  const key = createHash('sha1').update(body).digest('hex');
  if (!cache.has(key)) {
    cache.set(key, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length);
  }
  return cache.get(key);
}
