// The dashboard's problems view in real headless Chromium, under the collector's strict CSP:
// a quiet page, the filter form without JavaScript, French, keyboard focus, axe-core, a phone's
// width, and the sparklines drawn by /dashboard/problems.js with uPlot.
// Its collector starts empty: these tests check the empty state; dashboard_seeded.test.mjs
// holds the rows of a seeded database against SQL.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();
const SCREENSHOTS = join(root, 'build/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const AXE_SOURCE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const UPLOT_DIR = join(root, 'node_modules/uplot/dist');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

// A context that has traded the token for the view's cookie, and a page in it.
async function openDashboard({ path = '/dashboard', javaScriptEnabled = true, locale = 'en-US', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await suite.browser.newContext({ javaScriptEnabled, locale, viewport });
  const page = await context.newPage();
  const seen = watchPage(page);
  await page.route('**/__test__/axe.min.js', (route) => route.fulfill({ body: AXE_SOURCE, contentType: 'text/javascript' }));
  await page.goto(suite.collector.viewUrl('/dashboard'));  // answers 303 to /dashboard, with the cookie
  const response = await page.goto(`${suite.collector.base}${path}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
  return { page, seen, done: () => context.close() };
}

function assertQuiet(seen) {
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.console.filter((line) => line.startsWith('error')), []);
}

async function axeViolations(page) {
  await page.addScriptTag({ url: '/__test__/axe.min.js' });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

const shot = (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

test('the problems section comes first, quiet under the CSP, with its empty state and privacy note', async () => {
  const { page, seen, done } = await openDashboard();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('main > section').first().getAttribute('class'), 'problems');
  assert.equal(await page.locator('#problems-heading').textContent(), 'Problems, ranked');
  const section = await page.locator('section.problems').innerText();
  assert.match(section, /No problems in this range/);
  assert.match(section, /at least 5 page views/);
  assert.match(section, /0 problems with fewer than 5 page views are not shown \(privacy\)\./);
  assert.match(section, /From \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(UTC days\), compared with the 28 days before\./);
  // The exports are of this view: the same query as the page's.
  const csv = await page.getAttribute('.exports a[href*="format=csv"]', 'href');
  assert.match(csv, /^\/v1\/problems\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&format=csv$/);
  await shot(page, 'dashboard-problems-empty');
  assertQuiet(seen);
  await done();
});

test('the filter form works without JavaScript: submitting puts the filters in the URL', async () => {
  const { page, done } = await openDashboard({ javaScriptEnabled: false });
  await page.fill('#problems-from', '2026-01-01');
  await page.fill('#problems-to', '2026-01-31');
  await page.fill('#problems-step', '/product/:id');
  await page.selectOption('#problems-kind', 'dead_click');
  await Promise.all([page.waitForURL(/kind=dead_click/), page.click('.filters button[type="submit"]')]);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/dashboard');
  assert.equal(url.searchParams.get('from'), '2026-01-01');
  assert.equal(url.searchParams.get('to'), '2026-01-31');
  assert.equal(url.searchParams.get('step'), '/product/:id');
  assert.equal(url.searchParams.get('kind'), 'dead_click');
  // The page shows the view it ran, and exports exactly that.
  assert.equal(await page.inputValue('#problems-step'), '/product/:id');
  assert.equal(await page.inputValue('#problems-kind'), 'dead_click');
  assert.match(await page.locator('.range').innerText(), /From 2026-01-01 to 2026-01-31 .* the 31 days before/);
  assert.equal(await page.getAttribute('.exports a[href*="format=json"]', 'href'),
    '/v1/problems?from=2026-01-01&to=2026-01-31&step=%2Fproduct%2F%3Aid&kind=dead_click&format=json');
  await done();
});

test('filters that cannot be read fall back to the defaults, and the page says which', async () => {
  const { page, done } = await openDashboard({ path: '/dashboard?from=2026-02-30&kind=angry_click&step=/cart' });
  assert.equal(await page.locator('.ignored').innerText(), 'Some filters could not be read and were reset: From, Kind.');
  assert.equal(await page.inputValue('#problems-step'), '/cart');
  assert.equal(await page.inputValue('#problems-kind'), '');
  await done();
});

test('French for a browser that prefers it, English on ?lang=en, and a link between them', async () => {
  const { page, seen, done } = await openDashboard({ locale: 'fr-FR' });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.locator('#problems-heading').textContent(), 'Problèmes, par ordre d’importance');
  assert.match(await page.locator('section.problems').innerText(), /Aucun problème sur cette période/);
  assert.equal(await page.locator('label[for="problems-kind"]').textContent(), 'Type');
  await shot(page, 'dashboard-problems-fr');
  await page.click('header a.language');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assertQuiet(seen);
  await done();
});

test('axe-core finds no violation, in English and in French', async () => {
  for (const lang of ['en', 'fr']) {
    const { page, done } = await openDashboard({ path: `/dashboard?lang=${lang}` });
    assert.deepEqual(await axeViolations(page), [], `${lang} page`);
    await done();
  }
});

test('by keyboard: the filters are reached in order, with a visible focus', async () => {
  const { page, done } = await openDashboard();
  const order = [];
  // A date input is one element with a tab stop per part (day, month, year): counted once.
  for (let i = 0; i < 28 && order.length < 8; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return { id: element.id || element.textContent.trim(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (focused.id.startsWith('problems-') || focused.id === 'Show') {
      assert.notEqual(focused.outline, 'none', `${focused.id} shows its focus`);
      assert.ok(focused.width >= 2, `${focused.id}'s focus ring is at least 2 px`);
      if (order.at(-1) !== focused.id) order.push(focused.id);
    }
  }
  assert.deepEqual(order, ['problems-from', 'problems-to', 'problems-site', 'problems-step', 'problems-kind',
    'problems-pointer', 'problems-width', 'Show']);
  await done();
});

test('at 375 px wide the page does not scroll sideways', async () => {
  const { page, seen, done } = await openDashboard({ viewport: { width: 375, height: 740 } });
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(widths.scroll <= widths.client, `the page is ${widths.scroll} px wide in a ${widths.client} px window`);
  const form = await page.locator('.filters fieldset').boundingBox();
  assert.ok(form.x >= 0 && form.x + form.width <= 375, 'the filter form fits');
  await shot(page, 'dashboard-problems-375');
  assertQuiet(seen);
  await done();
});

// The store is not bound yet, so the dashboard has no row to draw: problems.js is run on a row
// as the renderer writes it, from the collector's origin and under its CSP.
test('problems.js draws a sparkline with uPlot for a row, under the CSP', { skip: !existsSync(join(UPLOT_DIR, 'uPlot.iife.min.js')) && 'uplot is not installed' }, async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sparkline</title>'
    + '<link rel="stylesheet" href="/dashboard/dashboard.css"><link rel="stylesheet" href="/dashboard/vendor/uPlot.min.css">'
    + '<script src="/dashboard/vendor/uPlot.iife.min.js" defer></script><script src="/dashboard/problems.js" defer></script></head>'
    + '<body><table><tbody><tr><td class="spark" data-series="3 5 0 8 2"><span class="spark-text">peak 8 a day</span></td></tr></tbody></table></body></html>';
  await page.route('**/__test__/sparkline.html', (route) => route.fulfill({ body: html, contentType: 'text/html', headers: { 'Content-Security-Policy': CSP } }));
  // Served by the collector when node_modules/uplot is installed; read from there otherwise.
  for (const file of ['uPlot.iife.min.js', 'uPlot.min.css']) {
    await page.route(`**/dashboard/vendor/${file}`, (route) => route.fulfill({ body: readFileSync(join(UPLOT_DIR, file)), contentType: file.endsWith('.js') ? 'text/javascript' : 'text/css' }));
  }
  await page.goto(`${suite.collector.base}/__test__/sparkline.html`);
  const canvas = page.locator('td.spark canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  assert.ok(box.width >= 100 && box.height >= 20, `a ${box.width}×${box.height} chart`);
  assert.equal(await page.getAttribute('td.spark', 'class'), 'spark drawn');
  assert.equal(await page.getAttribute('td.spark .spark-chart', 'aria-hidden'), 'true');
  // The peak stays for screen readers, out of sight.
  assert.equal(await page.locator('td.spark .spark-text').textContent(), 'peak 8 a day');
  // Something was drawn: the canvas is not blank.
  const inked = await page.evaluate(() => {
    const c = document.querySelector('td.spark canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  });
  assert.ok(inked, 'the sparkline has ink');
  assertQuiet(seen);
  await context.close();
});
