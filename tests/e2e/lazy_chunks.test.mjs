// What the SDK downloads, and when (js/src/chunks.js), in Chromium on the demo shop: a visitor
// who already answered gets friction.js (the help widget in it, so that no request tells the
// server when someone was stuck), the core's glue and friction.wasm, then at an idle moment the
// worker that compiles the core's functions (which imports the glue again); nothing of the
// panel, nothing of the sending side.
// The Privacy button shows, in the page's language, and pressing it brings the panel and its
// texts in that language only. A first visit loads the panel in one language, and the sending
// side (its chunk and the codec) only once the visitor accepts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickRepeatedly, newAnsweredPage, useCollectorAndBrowser, watchWire, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();

// The SDK's own files a page asked for, by the name a web developer sees in dist/ (hash left out).
function watchDist(page) {
  const files = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/dist/')) files.push(path.slice('/dist/'.length).replace(/-[A-Z0-9]{8}\.mjs$/, '.mjs'));
  });
  return files;
}

// Resolves once the core's warm-up worker (chunks/core_warmer.js) has come and gone: its
// requests are all made by then.
function coreWarmUpEnded(page) {
  return new Promise((resolve) => {
    page.on('worker', (worker) => {
      if (/friction-core-warmer-/.test(worker.url())) worker.once('close', resolve);
    });
  });
}

async function openProduct(page) {
  const warmedUp = coreWarmUpEnded(page);
  await page.goto(`${suite.collector.base}/product/8812`);
  await warmedUp;
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  // The Privacy button comes at the first idle moment.
  await page.locator('friction-privacy-button button').waitFor({ state: 'visible' });
}

test('a visitor who refused downloads the core only; the Privacy button brings the panel in the page language', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'none' });
  await withScriptSettings(page.context(), { 'data-lang': 'fr' });
  const files = watchDist(page);
  await openProduct(page);
  await page.waitForTimeout(500); // anything still on its way would be asked for by now
  assert.deepEqual([...files].sort(), ['friction-core-warmer.mjs', 'friction-core.mjs', 'friction-core.mjs', 'friction.js', 'friction.wasm']);
  const beforePress = files.length;
  assert.equal(await page.locator('friction-privacy-button button').textContent(), 'Confidentialité');
  assert.equal(await page.locator('friction-consent-panel').count(), 0, 'no panel on the page until it is asked for');

  await page.locator('friction-privacy-button button').click();
  await page.locator('friction-consent-panel dialog[open]').waitFor();
  assert.deepEqual(files.slice(beforePress).sort(), ['friction-panel.mjs', 'friction-texts-fr.mjs']);
  assert.equal(await page.locator('friction-consent-panel dialog').getAttribute('lang'), 'fr');
  await page.close();
});

test('a first visit loads the panel in one language, and the sending side only once the visitor accepts', async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const files = watchDist(page);
  const warmedUp = coreWarmUpEnded(page);
  await page.goto(`${suite.collector.base}/product/8812`);
  await page.locator('friction-consent-panel dialog[open]').waitFor();
  await warmedUp;
  await page.waitForTimeout(500);
  assert.deepEqual([...files].sort(), ['friction-core-warmer.mjs', 'friction-core.mjs', 'friction-core.mjs', 'friction-panel.mjs', 'friction-texts-en.mjs', 'friction.js', 'friction.wasm']);
  await page.locator('friction-consent-panel').getByRole('button', { name: 'Accept' }).click();
  await page.waitForFunction(() => window.friction.consent.get() === 'signals');
  await page.waitForTimeout(300);
  assert.ok(files.includes('friction-send.mjs'), `the send chunk comes with consent: ${files}`);
  assert.ok(files.includes('friction-codec.wasm'), `the codec comes with consent: ${files}`);
  await context.close();
});

test('the help widget comes with friction.js: no request goes at the offer', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'none' });
  const files = watchDist(page);
  await openProduct(page);
  await page.waitForTimeout(500);
  assert.deepEqual(files.filter((file) => /help|texts/.test(file)), []);
  assert.equal(await page.locator('friction-help').count(), 0, 'the widget element is made at the first offer');
  const before = files.length;
  await clickRepeatedly(page, '#apply-coupon', 4, 120);
  await page.locator('friction-help section.box').waitFor({ state: 'visible' });
  assert.deepEqual(files.slice(before), [], 'the offer itself asks the server for nothing');
  await page.close();
});

test('a missing chunk is a console message, not a broken page; the next press tries again', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'none' });
  const messages = [];
  page.on('console', (message) => messages.push(message.text()));
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let failPanel = true;
  await page.route('**/dist/friction-panel-*.mjs', (route) => (failPanel ? route.fulfill({ status: 404, body: '' }) : route.continue()));
  await openProduct(page);
  await page.locator('friction-privacy-button button').click();
  await expectSoon(() => messages.some((text) => /could not show the consent panel.*friction-panel-[A-Z0-9]+\.mjs.*copy every file of dist\//s.test(text)), () => messages.join('\n'));
  assert.deepEqual(pageErrors, []);
  failPanel = false;
  await page.locator('friction-privacy-button button').click();
  await page.locator('friction-consent-panel dialog[open]').waitFor();
  await page.close();
});

async function expectSoon(check, describe) {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`not seen in time:\n${describe()}`);
}

test('a script tag and a module on one page: one Privacy button, one panel', async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  // A first visit to a page that starts the SDK twice, as a site moving from one to the other may.
  await page.route('**/two-copies', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head>
      <script async src="/dist/friction.js" data-site="demo" data-collector="/v1/signals"></script>
      <script type="module">
        import { init } from '/dist/friction.mjs';
        window.moduleCopy = await init({ site: 'demo', collector: '/v1/signals' });
      </script></head><body><h1>Two copies</h1></body></html>`,
  }));
  await page.goto(`${suite.collector.base}/two-copies`);
  await page.waitForFunction(() => window.moduleCopy && window.moduleCopy.ready && window.friction && window.friction.ready);
  await page.locator('friction-consent-panel dialog[open]').waitFor();
  await page.locator('friction-privacy-button button').waitFor({ state: 'visible' });
  await page.waitForTimeout(500); // a second copy's button or panel would be there by now
  assert.equal(await page.locator('friction-privacy-button').count(), 1);
  assert.equal(await page.locator('friction-consent-panel').count(), 1);
  await context.close();
});

// The two wasm files are kept for an hour (friction.js checks their SHA-256 and fetches a stale
// one again past the cache); friction.js itself is asked again at each page, for a 304.
test('a later page of the visit takes both wasm files from the cache without asking the collector; friction.js is asked again', async () => {
  const page = await newAnsweredPage(suite.browser, {}, { level: 'signals' });
  const { sent, clear } = await watchWire(page);
  const onTheWire = (pattern) => sent(pattern).filter(({ status }) => status).map(({ path, status }) => [path, status]).sort();
  const until = async (done) => {
    for (let waited = 0; waited < 5000 && !done(); waited += 50) await page.waitForTimeout(50);
  };
  const codecLoaded = () => page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/friction-codec.wasm')));

  await page.goto(`${suite.collector.base}/`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await codecLoaded();
  await until(() => onTheWire(/\.wasm$/).length === 2);
  assert.deepEqual(onTheWire(/\.wasm$/), [['/dist/friction-codec.wasm', 200], ['/dist/friction.wasm', 200]], 'the first page downloads both');
  clear();

  await page.goto(`${suite.collector.base}/product/8812`);
  assert.equal(await page.evaluate(() => window.friction.ready), true);
  await codecLoaded();
  await until(() => onTheWire(/^\/dist\/friction\.js$/).length === 1);
  await page.waitForTimeout(300); // time for a request for either wasm file to show, had there been one
  assert.deepEqual(onTheWire(/\.wasm$/), [], `the next page asks for neither: ${JSON.stringify(onTheWire(/./))}`);
  assert.deepEqual(onTheWire(/^\/dist\/friction\.js$/), [['/dist/friction.js', 304]]);
  await page.close();
});
