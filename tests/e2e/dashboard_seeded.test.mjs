// The problems view on a database seeded with two weeks of simulated shop traffic (the SDK's
// engine on generated journeys, demo/simulate/), in real headless Chromium: the numbers the page
// shows are the ones SQL over the collector's own rollups gives, ranked by page views, with the
// planted regression marked, small groups hidden, and the CSV export equal to the table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root, useCollectorAndBrowser, watchPage } from './harness.mjs';

const AXE_SOURCE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const DAY_MS = 86400000;
const suite = useCollectorAndBrowser({ simulate: { days: 14, visitorsPerDay: 300 } });
const dateOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// The view of the last week (the regression's), against the week before.
const today = Math.floor(Date.now() / DAY_MS);
const FROM = today - 7, TO = today - 1;

async function openProblems() {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  await page.route('**/__test__/axe.min.js', (route) => route.fulfill({ body: AXE_SOURCE, contentType: 'text/javascript' }));
  await page.goto(suite.collector.viewUrl('/dashboard'));
  await page.goto(`${suite.collector.base}/dashboard?from=${dateOf(FROM)}&to=${dateOf(TO)}`);
  return { context, page, seen };
}

// Each shown row: its problem text and numbers, in the page's order.
const shownRows = (page) => page.$$eval('table.problems tbody tr', (rows) => rows.map((row) => ({
  problem: row.cells[0].innerText,
  views: Number(row.cells[1].innerText),
  trend: row.cells[2].innerText.trim(),
  previous: Number(row.cells[3].innerText),
  signals: Number(row.cells[5].innerText),
})));

test('the ranked problems are what SQL over the rollups says, the regression marked, small groups hidden', async () => {
  const expected = suite.collector.query(`
    SELECT site, kind, step, target, role,
      SUM(CASE WHEN day >= ${FROM} AND day <= ${TO} THEN views ELSE 0 END) AS views,
      SUM(CASE WHEN day >= ${FROM} AND day <= ${TO} THEN signals ELSE 0 END) AS signals,
      SUM(CASE WHEN day >= ${FROM - 7} AND day < ${FROM} THEN views ELSE 0 END) AS previous
    FROM problem_days JOIN problems ON problems.id = problem_days.problem_id
    GROUP BY site, step, kind, target`);
  const shown = expected.filter((row) => row.views >= 5)
    .sort((a, b) => b.views - a.views || b.signals - a.signals || a.site.localeCompare(b.site) ||
      a.step.localeCompare(b.step) || a.kind.localeCompare(b.kind) || a.target.localeCompare(b.target));
  const hidden = expected.filter((row) => row.views > 0 && row.views < 5).length;
  assert.ok(shown.length >= 6, JSON.stringify(expected));

  const { context, page, seen } = await openProblems();
  const rows = await shownRows(page);
  assert.deepEqual(rows.map((row) => [row.views, row.signals, row.previous]),
    shown.map((row) => [row.views, row.signals, row.previous]));
  for (const [i, row] of rows.entries()) assert.ok(row.problem.includes(shown[i].step), `${row.problem} / ${shown[i].step}`);
  assert.match(await page.locator('section.problems').innerText(),
    new RegExp(`${hidden} problems? with fewer than 5 page views (is|are) not shown`));

  // The planted regression: a new broken gift-wrap button (its bursts are rage and dead clicks,
  // both new), more dead size-guide clicks (a link; 4 % of product views, then 9 %: about 60
  // against 135 a week, far past the trend's noise rule).
  for (const kind of ['rage_click', 'dead_click']) {
    const giftWrap = shown.findIndex((row) => row.kind === kind && row.role === 'button' && row.previous === 0);
    assert.ok(giftWrap >= 0, kind);
    assert.match(rows[giftWrap].trend, /new/);
  }
  const sizeGuide = shown.findIndex((row) => row.kind === 'dead_click' && row.role === 'link');
  assert.match(rows[sizeGuide].trend, /worse/, JSON.stringify(rows[sizeGuide]));

  // The CSV export of this view holds the same problems, in the same order, with the same numbers.
  const href = await page.getAttribute('.exports a[href*="format=csv"]', 'href');
  const csv = await (await page.request.get(`${suite.collector.base}${href}`)).text();
  const [header, ...lines] = csv.trim().split('\r\n');
  const column = (name) => header.split(',').indexOf(name);
  assert.deepEqual(lines.map((line) => Number(line.split(',')[column('views')])), rows.map((row) => row.views));

  assert.equal(await page.locator('td.spark canvas').count() >= rows.length, true, 'a sparkline per row');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('"open on the page" from a problem\'s row outlines its element on a page the user names', async () => {
  // The planted new problem (demo/simulate/shop_journeys.cpp): rage clicks on the gift-wrap button.
  const [giftWrap] = suite.collector.query(`
    SELECT p.target FROM problems p JOIN problem_days d ON d.problem_id = p.id
    WHERE p.kind = 'rage_click' AND p.step = '/product/:id'
    GROUP BY p.id HAVING SUM(CASE WHEN d.day < ${FROM} THEN d.views ELSE 0 END) = 0
    ORDER BY SUM(d.views) DESC LIMIT 1`);
  assert.match(giftWrap.target, /^[0-9a-f]{16}$/);
  const { context, page, seen } = await openProblems();
  // The step has a parameter: the row asks for the address of one of its pages.
  // Its dead clicks have a row of their own, with the same element: the rage click's row.
  const form = page.locator(`tr:has-text("rage click") form:has(input[name=target][value="${giftWrap.target}"])`);
  await form.locator('xpath=ancestor::details').locator('summary').click();
  const address = form.getByLabel('Address of one page of this step');
  assert.equal(await address.inputValue(), '/product/:id');
  await address.fill('/product/8812');
  await address.press('Enter');
  await page.waitForURL(`${suite.collector.base}/product/8812#friction-find=${giftWrap.target}&friction-kind=rage_click`);
  await page.waitForFunction(() => document.querySelector('friction-finder')?.shadowRoot.querySelector('.outline'), null, { timeout: 5000 });
  const tag = await page.evaluate(() => document.querySelector('friction-finder').shadowRoot.querySelector('.outline').textContent);
  assert.equal(tag, 'button · “Gift wrap” · rage click');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the filled page is axe-clean, its "open on the page" forms open', async () => {
  const { context, page, seen } = await openProblems();
  for (const summary of await page.locator('details.find summary').all()) await summary.click();
  await page.addScriptTag({ url: '/__test__/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('what a problem costs: the conversion columns are what SQL over the outcome tallies says', async () => {
  // The simulated visitors agreed to signals: every tally is exact, so the conversion of a step's
  // views with a kind is plain division (demo/collector/conversion.h).
  const inRange = `day >= ${FROM} AND day <= ${TO} AND site = 'demo'`;
  const kindCounts = suite.collector.query(`
    SELECT step, kind, SUM(CASE WHEN goal = '' THEN said_met ELSE 0 END) AS views_with,
      SUM(CASE WHEN goal = 'purchase' THEN said_met ELSE 0 END) AS goal_with
    FROM outcome_kinds WHERE ${inRange} GROUP BY step, kind`);
  const stepCounts = Object.fromEntries(suite.collector.query(`
    SELECT step, SUM(CASE WHEN goal = '' THEN views ELSE 0 END) AS views,
      SUM(CASE WHEN goal = 'purchase' THEN views ELSE 0 END) AS goals
    FROM outcome_days WHERE ${inRange} GROUP BY step`).map((row) => [row.step, row]));
  const { context, page, seen } = await openProblems();
  const rows = await page.$$eval('table.problems tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((cell) => cell.innerText.trim())));
  const header = await page.$$eval('table.problems thead th', (ths) => ths.map((th) => th.innerText.trim()));
  const converted = header.findIndex((text) => /^Converted with/i.test(text));
  assert.ok(converted > 0, header.join(' | '));
  let checked = 0;
  for (const counts of kindCounts) {
    const step = stepCounts[counts.step];
    const withoutViews = step.views - counts.views_with;
    if (counts.views_with < 5 || withoutViews < 5) continue;
    const expected = `${Math.round(100 * counts.goal_with / counts.views_with)}% / ${Math.round(100 * (step.goals - counts.goal_with) / withoutViews)}%`;
    // Every shown problem of that step and kind carries the same figures.
    const kindWord = { rage_click: 'rage clicks', dead_click: 'dead click', form_struggle: 'form struggle' }[counts.kind];
    if (!kindWord) continue;
    const onStep = new RegExp(`^${kindWord} on ${counts.step.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\s|$)`);
    for (const cells of rows.filter((cells) => onStep.test(cells[0]))) {
      assert.equal(cells[converted], expected, `${counts.kind} on ${counts.step}`);
      checked++;
    }
  }
  assert.ok(checked >= 2, `compared ${checked} rows`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
