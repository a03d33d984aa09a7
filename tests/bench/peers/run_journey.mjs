// One journey in one lane: a fresh context (cold cache, no storage but the lane's) loading the
// shop through the counting proxy, a CDP trace of the whole journey, then the page closed so
// beacons flush. Returns the per-page main-thread costs, the SDK's bytes per page and the
// bytes it uploaded. untraced: no trace; the renderer main threads' CPU for the whole journey
// from the scheduler's statistics instead (renderer_cpu.mjs), and no per-page costs.
import { brotliSize } from './brotli_size.mjs';
import { assertInstalled } from './lanes.mjs';
import { mainThreadByPage } from './main_thread.mjs';
import { blockOutside, newCounters, watchOwnResources } from './network.mjs';
import { visitorUserAgent } from './one_core_chromium.mjs';
import { startRendererCpu } from './renderer_cpu.mjs';
import { startTrace } from './trace_session.mjs';

// A beacon sent as the page went away reaches the proxy on loopback well within this.
const BEACON_GRACE_MS = 1000;
// Untraced, the journey before's renderers take about this to exit: their last work is not this one's.
const RENDERERS_GONE_MS = 1000;

// proxy: the counting proxy (counting_proxy.mjs) the pages are loaded through.
export async function runJourney(browser, proxy, lane, journey, { untraced = false } = {}) {
  assertInstalled(lane);
  const counters = newCounters();
  proxy.use(lane, counters);
  const context = await browser.newContext({ userAgent: visitorUserAgent(browser) });
  const consoleErrors = [];
  try {
    if (lane.initScript) await context.addInitScript(...lane.initScript);
    blockOutside(context, counters);
    const page = await context.newPage();
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${String(error).slice(0, 160)}`));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text().slice(0, 160)));
    // A new document (not a same-document hash change) starts the next page's counts.
    let pageIndex = -1;
    let lastDocument = '';
    page.on('framenavigated', (frame) => {
      const url = frame.url().split('#')[0];
      if (frame !== page.mainFrame() || !url.startsWith('http') || url === lastDocument) return;
      lastDocument = url;
      counters.pageIndex = ++pageIndex;
    });
    watchOwnResources(page, lane, counters);
    const trace = untraced ? null : await startTrace(browser);
    if (untraced) await new Promise((resolve) => setTimeout(resolve, RENDERERS_GONE_MS));
    const rendererCpu = untraced ? startRendererCpu() : null;
    let events = null;
    let renderer = null;
    try {
      await page.goto(proxy.base + journey.start, { waitUntil: 'load' });
      if (lane.afterFirstLoad) await lane.afterFirstLoad(page);
      await page.waitForTimeout(800);
      await journey.run(page);
      const closed = new Promise((resolve) => page.once('close', resolve));
      await page.close({ runBeforeUnload: true });
      await closed;
      await new Promise((resolve) => setTimeout(resolve, BEACON_GRACE_MS));
    } finally {
      if (trace) events = await trace.stop();
      if (rendererCpu) renderer = rendererCpu.stop();
    }
    const pages = events ? mainThreadByPage(events) : Array.from({ length: pageIndex + 1 }, () => ({}));
    pages.forEach((p, i) => {
      const net = counters.pageFor(i);
      // A response the proxy did not send a body for came from the browser's cache (a 304, or
      // a chunk kept for good): not downloaded, not counted in the page's bytes.
      const served = new Map(net.served);
      for (const r of net.ownResources) {
        const left = served.get(r.path) ?? 0;
        r.cached = left === 0;
        if (r.cached) r.body = null;
        else served.set(r.path, left - 1);
      }
      p.ownRaw = net.ownResources.reduce((s, r) => s + (r.body?.length ?? 0), 0);
      p.ownBrotli = net.ownResources.reduce((s, r) => s + brotliSize(r.body), 0);
      p.ownWire = net.ownResources.reduce((s, r) => s + Math.max(0, r.wire ?? 0), 0);
      p.ownFiles = net.ownResources.map((r) => ({ path: r.path, status: r.status, cached: r.cached, raw: r.body?.length ?? null, brotli: brotliSize(r.body), wire: r.wire }));
      p.uploadBytes = net.uploadBytes;
      p.uploads = net.uploads;
    });
    // Uploads counted after the last page's navigation (the beacon on close) belong to it.
    for (let i = pages.length; i < counters.pages.length; i++) {
      if (pages.length) {
        pages[pages.length - 1].uploadBytes += counters.pages[i].uploadBytes;
        pages[pages.length - 1].uploads += counters.pages[i].uploads;
      }
    }
    return { pages, renderer, blocked: counters.blocked, errors: [...counters.errors, ...consoleErrors] };
  } finally {
    proxy.use(null, null);
    await context.close().catch(() => {});
  }
}
