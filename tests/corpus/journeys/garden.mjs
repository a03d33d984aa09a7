// Fernhill Garden (demo/garden/), a second site with its own markup: clickable div cards, text
// dressed as links, buttons dressed as links, icon buttons, a product list and a chat log in
// their own scroll boxes, a drawer, a modal whose terms scroll, a carousel. Labelled by what a
// person watching the screen would say, without reading the detectors.
import { allowSignals, center, clickBurst, moveAway, pause, ready, wheelOver } from './steps.mjs';

export const gardenJourneys = [
  // Friction.
  {
    name: 'rage + dead (garden): "Notify me" clicked five times, slowly, with a shaky hand',
    start: '/garden/',
    expected: { rage_click: 1, dead_click: 1 },
    async run(page) {
      await clickBurst(page, '#notify-me', 5, [380, 420, 450, 400], 3);
      await moveAway(page);
      await pause(page, 3000);
    },
  },
  {
    name: 'rage + error (garden): "Compare with other ferns" throws, clicked four times',
    start: '/garden/',
    expected: { rage_click: 1, error_click: 1 },
    async run(page) {
      await clickBurst(page, '#compare-plants', 4, 260, 2);
      await moveAway(page);
      await pause(page, 2000);
    },
  },
  {
    name: 'rage + slow (garden): "Check stock" clicked again while it thinks',
    start: '/garden/',
    expected: { rage_click: 1, slow_response: 1 },
    async run(page) {
      await clickBurst(page, '#check-stock', 4, [300, 350, 300], 2);
      await page.waitForSelector('text=In stock');
      await pause(page, 1500);
    },
  },
  {
    name: 'dead (garden): "Delivery details →" is text dressed as a link',
    start: '/garden/',
    expected: { dead_click: 1 },
    async run(page) {
      await page.click('#delivery-info');
      await moveAway(page);
      await pause(page, 3200);
    },
  },
  {
    name: 'dead (garden): one click on "Notify me", then waiting',
    start: '/garden/',
    expected: { dead_click: 1 },
    async run(page) {
      await page.click('#notify-me');
      await moveAway(page);
      await pause(page, 3200);
    },
  },
  {
    name: 'error (garden): the share icon throws',
    start: '/garden/',
    expected: { error_click: 1 },
    async run(page) {
      await page.click('#share');
      await moveAway(page);
      await pause(page, 2000);
    },
  },
  {
    name: 'error (garden): saving a plant from the scrolling list fails on the server',
    start: '/garden/',
    expected: { error_click: 1 },
    async run(page) {
      await wheelOver(page, '#plant-list', [300], 400);
      await page.click('.card:nth-child(9) .wish');
      await moveAway(page);
      await pause(page, 2000);
    },
  },
  {
    name: 'slow (garden): "Check stock" answers after almost two seconds',
    start: '/garden/',
    expected: { slow_response: 1 },
    async run(page) {
      await page.click('#check-stock');
      await page.waitForSelector('text=In stock');
      await pause(page, 1500);
    },
  },
  {
    name: 'slow (garden): applying a voucher freezes the page',
    start: '/garden/',
    expected: { slow_response: 1 },
    async run(page) {
      await page.click('#voucher-apply');
      await moveAway(page);
      await pause(page, 2500);
    },
  },
  {
    name: 'scroll thrash (garden): hunting up and down the plant list in its box',
    start: '/garden/',
    expected: { scroll_thrash: 1 },
    async run(page) {
      await wheelOver(page, '#plant-list', [700, -600, 650, -700, 600, -500, 700], 350);
      await pause(page, 2000);
    },
  },
  {
    name: 'scroll thrash (garden): the seed club terms searched up and down in the modal',
    start: '/garden/',
    expected: { scroll_thrash: 1 },
    async run(page) {
      await page.click('#club-promo');
      await pause(page, 500);
      await wheelOver(page, '#terms-body', [600, -500, 600, -600, 500, -450, 600], 400);
      await pause(page, 2000);
    },
  },
  {
    name: 'scroll thrash (garden): the chat log scrolled back and forth for an answer',
    start: '/garden/',
    expected: { scroll_thrash: 1 },
    async run(page) {
      await wheelOver(page, '#chat-log', [500, -450, 520, -500, 480, -520], 450);
      await pause(page, 2000);
    },
  },
  {
    name: 'quick back (garden): a plant card opened and left at once',
    start: '/garden/',
    expected: { quick_back: 1 },
    async run(page) {
      await allowSignals(page);
      await page.click('.card:nth-child(2) .name');
      await page.waitForURL('**/garden/plant/101');
      await ready(page);
      await pause(page, 1800);
      await page.goBack();
      await ready(page);
      await pause(page, 1000);
    },
  },
  {
    name: 'quick back (garden): the care guide (a link dressed as a button) was not it',
    start: '/garden/',
    expected: { quick_back: 1 },
    async run(page) {
      await allowSignals(page);
      await page.click('a.btn >> text=Read the care guide');
      await page.waitForURL('**/garden/article');
      await ready(page);
      await pause(page, 3000);
      await page.goBack();
      await ready(page);
      await pause(page, 1000);
    },
  },
  {
    name: 'quick back (garden): a category from the drawer, then back from the guide',
    start: '/garden/',
    expected: { quick_back: 1 },
    async run(page) {
      await allowSignals(page);
      await page.click('#menu-toggle');
      await pause(page, 400);
      await page.click('#drawer >> text=Care guide');
      await page.waitForURL('**/garden/article');
      await ready(page);
      await pause(page, 4500);
      await page.goBack();
      await ready(page);
      await pause(page, 1000);
    },
  },
  {
    name: 'cursor thrash (garden): circling the pointer over the plant list',
    start: '/garden/',
    expected: { cursor_thrash: 1 },
    async run(page) {
      const { x, y } = await center(page, '#plant-list');
      await page.mouse.move(x, y);
      for (let i = 0; i < 28; i++) {
        const angle = (i / 7) * 2 * Math.PI; // four fast loops of about 150 px across
        await page.mouse.move(x + 150 * Math.cos(angle), y + 110 * Math.sin(angle), { steps: 2 });
        await pause(page, 20);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'hesitation (garden): resting on the seed club card without opening it',
    start: '/garden/',
    expected: { hesitation: 1 },
    async run(page) {
      await page.hover('#club-promo');
      await pause(page, 4000);
    },
  },
  // Calm, with the hard cases of issue 16 beside the frictions above.
  {
    name: 'calm (garden): reading the plant list in its box, one look back',
    start: '/garden/',
    expected: {},
    async run(page) {
      await wheelOver(page, '#plant-list', [200, 200, 200, 200, 200, -250, 200, 200], 500);
      await pause(page, 1500);
    },
  },
  {
    name: 'calm (garden): reading the chat log with one look back',
    start: '/garden/',
    expected: {},
    async run(page) {
      await wheelOver(page, '#chat-log', [150, 150, 150, 150, -200, 150, 150, 150], 600);
      await pause(page, 1500);
    },
  },
  {
    name: 'calm (garden): reading the club terms to the end and agreeing',
    start: '/garden/',
    expected: {},
    async run(page) {
      await page.click('#club-promo');
      await pause(page, 400);
      await wheelOver(page, '#terms-body', [150, 150, 150, 150, 150, -120, 150, 150, 200], 500);
      await page.click('#accept-terms');
      await page.waitForSelector('text=Welcome to the seed club.');
      await pause(page, 1500);
    },
  },
  {
    name: 'calm (garden): look-alikes that answer: a tip, reviews, the carousel',
    start: '/garden/',
    expected: {},
    async run(page) {
      await page.click('#watering-tip');
      await pause(page, 700);
      await page.click('#show-reviews');
      await pause(page, 700);
      await clickBurst(page, '#hero-next', 5, 180, 1);
      await clickBurst(page, '#hero-prev', 2, 250);
      await pause(page, 2500);
    },
  },
  {
    name: 'calm (garden): clicks on a heading, plain text, a label, the background and a disabled button',
    start: '/garden/',
    expected: {},
    async run(page) {
      await page.click('h2#plants');
      await pause(page, 500);
      await page.click('#pick-text');
      await pause(page, 500);
      await page.click('label[for=voucher]');
      await pause(page, 500);
      await page.mouse.click(985, 400); // the page's margin
      await pause(page, 500);
      await page.click('#preorder', { force: true });
      await moveAway(page);
      await pause(page, 3000);
    },
  },
  {
    name: 'calm (garden): a search refined several times',
    start: '/garden/',
    expected: {},
    async run(page) {
      await page.click('#search');
      for (const words of ['fer', 'fern', 'palm', 'pa']) {
        await page.fill('#search', '');
        await page.type('#search', words, { delay: 70 });
        await pause(page, 500);
      }
      await page.fill('#search', 'fig');
      await pause(page, 1500);
    },
  },
  {
    name: 'calm (garden): the quantity stepped up fast, then added',
    start: '/garden/',
    expected: {},
    async run(page) {
      await clickBurst(page, '#qty-plus', 6, 140, 1);
      await page.click('#qty-minus');
      await page.click('#add-basket');
      await page.waitForSelector('text=6 in your basket.');
      await pause(page, 2000);
    },
  },
  {
    name: 'calm (garden): the drawer opened, scrolled and a category picked',
    start: '/garden/',
    expected: {},
    async run(page) {
      await page.click('#menu-toggle');
      await pause(page, 400);
      await wheelOver(page, '#drawer', [200, 200], 400);
      await page.click('#drawer >> text=Tools');
      await pause(page, 2000);
    },
  },
  {
    name: 'calm (garden): a plant opened from its card and added to the basket',
    start: '/garden/',
    expected: {},
    async run(page) {
      await page.click('.card:nth-child(1) .name');
      await page.waitForURL('**/garden/plant/100');
      await ready(page);
      await pause(page, 800);
      await page.click('#add-basket');
      await page.waitForSelector('text=Added to your basket.');
      await pause(page, 1500);
    },
  },
];
