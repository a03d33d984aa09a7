// Dead clicks on things that look clickable without being controls, in real Chromium: text styled
// as a link, a card and an image with a pointer cursor. Plain content, labels, the background,
// a look-alike that answers, a double click selecting text and disabled buttons stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();
// Past the dead click's 2.5 s window, with room for the drain.
const PAST_WINDOW_MS = 3200;

async function openGallery() {
  const page = await newAnsweredPage(suite.browser);
  const seen = watchPage(page);
  await page.goto(`${suite.collector.base}/shop/gallery.html`);
  await page.evaluate(() => window.friction.ready);
  await page.evaluate(() => {
    window.detected = [];
    window.addEventListener('friction:detected', (event) => window.detected.push(event.detail));
  });
  return { page, seen };
}

// Each on a page of its own: the help widget showing for one dead click is a DOM change, which
// would answer a click still waiting on another element.
const dead = [
  ['a span styled as a link', '#fake-link', 'Delivery options'],
  ['short accent-coloured text ending in an arrow', '#arrow-link', 'All scarves'],
  ['a card with a pointer cursor, clicked on its title', '#dead-card-title', 'Harbour look'],
  ['a card with a pointer cursor, clicked on its picture', '#dead-card img', 'Harbour look'],
  ['an image with a pointer cursor', '#zoom-image', 'Coast photo'],
  ['a focusable div with a pointer, made to act as a button', '#save-look', 'Save this look'],
];
for (const [what, selector, label] of dead) {
  test(`dead: ${what}`, async () => {
    const { page, seen } = await openGallery();
    await page.click(selector);
    await page.waitForFunction(() => window.detected.some((d) => d.kind === 'dead_click'), null, { timeout: 6000 });
    const found = await page.evaluate(() => window.detected.filter((d) => d.kind === 'dead_click'));
    assert.equal(found.length, 1);
    assert.equal(found[0].target.label, label, 'the signal names the element that looks clickable');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

// One page, one case at a time: each waits past the window before the next, so that one case's
// answer (focus, a DOM change, a selection) cannot hide another's dead click.
test('silent: plain text, a heading, a label, the background, an answering card, a double click, default-cursor text, ignored, disabled buttons', async () => {
  const { page, seen } = await openGallery();
  const cases = [
    ['plain paragraph text', () => page.click('#care-text', { position: { x: 30, y: 8 } })],
    ['a heading', () => page.click('#title')],
    ['a label', () => page.click('#news-label')],
    ['the page background', async () => {
      const size = page.viewportSize();
      await page.mouse.click(size.width - 4, size.height - 4);
    }],
    ['a look-alike that answers (opens its details)', () => page.click('#live-card-title')],
    ['a double click selecting link-styled text', () => page.dblclick('#fake-link')],
    ['underlined text with the default cursor', () => page.click('#edition-note')],
    ['a link-styled span under data-friction-ignore', () => page.click('#ignored-link')],
    ['a disabled button', () => page.click('#join', { force: true })],
    ['an aria-disabled button', () => page.click('#join-soon', { force: true })],
  ];
  for (const [what, act] of cases) {
    await act();
    await page.waitForTimeout(PAST_WINDOW_MS);
    // Dead clicks are this test's: on a loaded machine a click's next paint may be slow
    // (slow_response, from Event Timing), whatever was clicked.
    assert.deepEqual(await page.evaluate(() => window.detected.filter((d) => d.kind === 'dead_click')), [], what);
  }
  assert.equal(await page.evaluate(() => document.getElementById('live-card-details').hidden), false, 'the live card answered');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('clicks on the same look-alike resolve to it once: its styles are read at the first click only', async () => {
  const { page } = await openGallery();
  const reads = await page.evaluate(async () => {
    let count = 0;
    const original = window.getComputedStyle;
    window.getComputedStyle = (...args) => {
      count++;
      return original.apply(window, args);
    };
    const title = document.getElementById('dead-card-title');
    const click = () => title.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
    click();
    const first = count;
    click();
    click();
    window.getComputedStyle = original;
    return { first, later: count - first };
  });
  assert.ok(reads.first > 0, 'the first click reads styles');
  assert.equal(reads.later, 0, 'later clicks read none');
  await page.close();
});
