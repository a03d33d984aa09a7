// A browser-wide CDP trace (all processes), started before a journey and read after its page
// has closed: Playwright's page-bound tracing ends with the page, and the beacons sent as the
// page goes away are part of the journey.
import { TRACE_CATEGORIES } from './main_thread.mjs';

export async function startTrace(browser) {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'] },
  });
  return {
    // The trace's events, once Chromium has flushed them.
    async stop() {
      try {
        const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        const { stream } = await complete;
        const chunks = [];
        for (;;) {
          const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
          chunks.push(base64Encoded ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
          if (eof) break;
        }
        await cdp.send('IO.close', { handle: stream });
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        return Array.isArray(parsed) ? parsed : parsed.traceEvents;
      } finally {
        await cdp.detach().catch(() => {});
      }
    },
  };
}
