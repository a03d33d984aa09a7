// The garden's long care guide (demo/garden/article.html): a table of contents of anchor
// links, footnotes, a table, text dressed as a link ("Enlarge table ↗") that does nothing.
import { center, moveAway, pause } from './steps.mjs';

export const articleJourneys = [
  {
    name: 'dead (article): "Enlarge table ↗" is text that only looks like a link',
    start: '/garden/article',
    expected: { dead_click: 1 },
    async run(page) {
      await page.click('#enlarge-table');
      await page.mouse.move(600, 650, { steps: 4 });
      await pause(page, 3200);
    },
  },
  {
    name: 'scroll thrash (article): searching the guide up and down for one answer',
    start: '/garden/article',
    expected: { scroll_thrash: 1 },
    async run(page) {
      await page.mouse.move(500, 400);
      for (const delta of [1800, -1200, 1500, -1600, 1300, -900, 1400]) {
        await page.mouse.wheel(0, delta);
        await pause(page, 450);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'cursor thrash (article): diagonal shakes over the text',
    start: '/garden/article',
    expected: { cursor_thrash: 1 },
    async run(page) {
      await page.mouse.move(300, 250);
      for (let i = 0; i < 10; i++) {
        await page.mouse.move(i % 2 ? 300 : 620, i % 2 ? 250 : 480, { steps: 3 });
        await pause(page, 35);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'calm (article): read from the contents to a section, a footnote and back',
    start: '/garden/article',
    expected: {},
    async run(page) {
      await page.click('#toc >> text=3. Dry air and radiators');
      await pause(page, 800);
      await page.mouse.move(500, 400);
      for (let i = 0; i < 4; i++) {
        await page.mouse.wheel(0, 250);
        await pause(page, 700);
      }
      await page.click('#ref2');
      await pause(page, 1200);
      await page.click('#fn2 >> text=↩');
      await pause(page, 1500);
    },
  },
  {
    name: 'calm (article): read steadily to the table, one paragraph read again',
    start: '/garden/article',
    expected: {},
    async run(page) {
      await page.mouse.move(500, 400);
      for (const delta of [300, 300, 300, 300, -250, 300, 300, 300, 300, 300]) {
        await page.mouse.wheel(0, delta);
        await pause(page, 350);
      }
      await pause(page, 1500);
    },
  },
  {
    name: 'calm (article): the link copied, a paragraph selected to quote',
    start: '/garden/article',
    expected: {},
    async run(page) {
      await page.click('#copy-link');
      await page.waitForSelector('text=Link copied.');
      const { x, y } = await center(page, 'article > p:nth-of-type(2)');
      await page.mouse.click(x, y, { clickCount: 3 });
      await moveAway(page);
      await pause(page, 3000);
    },
  },
];
