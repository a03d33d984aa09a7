// What the browser may reach: only loopback (the counting proxy). Anything else is aborted and
// counted, so nothing leaves the machine and a peer phoning home shows in the table. The
// SDK's own resources are read from the page's responses for bytes per page.
import { answerPeer } from './lanes.mjs';

export async function blockOutside(context, counters) {
  await context.route((url) => url.hostname !== '127.0.0.1', async (route) => {
    const url = new URL(route.request().url());
    counters.blocked.push(url.origin + url.pathname);
    await route.abort('blockedbyclient').catch(() => {});
  });
}

// The SDK's own resources as each page loaded them: body bytes (decoded), bytes on the wire
// (Playwright's sizes(), from CDP's encodedDataLength), and the body itself for brotli.
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
    pages: [],          // [{ ownResources: [...], uploadBytes, uploads }]
    blocked: [],
    errors: [],
    pageFor(index) {
      while (counters.pages.length <= index) counters.pages.push({ ownResources: [], uploadBytes: 0, uploads: 0 });
      return counters.pages[index];
    },
    own(index, resource) {
      counters.pageFor(index).ownResources.push(resource);
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
