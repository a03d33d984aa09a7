// What the browser may reach: only loopback (the counting proxy). The bench's Chromium resolves
// no other host (one_core_chromium.mjs), so nothing leaves the machine; every attempt is counted
// here, so a peer phoning home shows in the table. Not a Playwright route: routing turns the
// browser's HTTP cache off, and a visitor's later pages have theirs. The SDK's own resources
// are read from the page's responses for bytes per page.
import { answerPeer } from './lanes.mjs';

export function blockOutside(context, counters) {
  context.on('requestfailed', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') counters.blocked.push(url.origin + url.pathname);
  });
}

// The SDK's own resources as each page loaded them: body bytes (decoded), bytes on the wire
// (Playwright's sizes(), from CDP's encodedDataLength), and the body itself for brotli. Which
// of them the browser's cache answered is known from the proxy (counters.served): run_journey.mjs
// matches them.
export function watchOwnResources(page, lane, counters) {
  page.on('response', async (response) => {
    try {
      const url = new URL(response.url());
      if (url.hostname !== '127.0.0.1') return;
      const own = lane.ownUrl ? lane.ownUrl(url.pathname) : answerPeer(url.pathname)?.own;
      if (!own) return;
      const pageIndex = counters.pageIndex;
      const body = await response.body().catch(() => null);
      const sizes = await response.request().sizes().catch(() => null);
      counters.own(pageIndex, { path: url.pathname, status: response.status(), body, wire: sizes?.responseBodySize ?? null });
    } catch (error) {
      counters.errors.push(`response ${response.url()}: ${error.message}`);
    }
  });
}

export function newCounters() {
  const counters = {
    pageIndex: 0,
    pages: [],          // [{ ownResources: [...], served: Map(path -> bodies sent), uploadBytes, uploads }]
    blocked: [],
    errors: [],
    pageFor(index) {
      while (counters.pages.length <= index) counters.pages.push({ ownResources: [], served: new Map(), uploadBytes: 0, uploads: 0 });
      return counters.pages[index];
    },
    own(index, resource) {
      counters.pageFor(index).ownResources.push(resource);
    },
    // The proxy sent the SDK's file `path` with its body (a 200, not a 304): downloaded by the
    // page open then. What the page saw and the proxy did not send came from the browser's cache.
    served(path) {
      const page = counters.pageFor(Math.max(0, counters.pageIndex));
      page.served.set(path, (page.served.get(path) ?? 0) + 1);
    },
    // Counted against the page open when it arrives: a beacon sent as a page goes away counts
    // for the next one, the last page's for the last page.
    upload(bytes) {
      const page = counters.pageFor(Math.max(0, counters.pageIndex));
      page.uploadBytes += bytes;
      page.uploads += 1;
    },
  };
  return counters;
}
