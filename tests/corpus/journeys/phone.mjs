// Journeys on a touch screen (input: 'touch': a Pixel 5 context, run_corpus.mjs): the garden's
// phone page (demo/garden/mobile.html: bottom navigation, a drawer, a swipe carousel, a bottom
// sheet), and the shop, the guide and the account page on a phone. Fingers, not a mouse:
// taps, swipes, flings, pinches, long presses (touch_actions.mjs).
import { centerOf, doubleTap, fling, longPress, pinch, swipe, tap, tapTimes } from '../touch_actions.mjs';
import { pause, ready } from './steps.mjs';

const allowSignals = (page) => page.evaluate(() => window.friction.consent.set('signals'));

async function typeInto(page, selector, text) {
  await tap(page, selector);
  await page.fill(selector, '');
  await page.keyboard.type(text, { delay: 70 });
}

const touch = (journey) => ({ input: 'touch', ...journey });

export const phoneJourneys = [
  // Friction on the phone page.
  touch({
    name: 'rage + dead (phone): "Track" tapped four times, nothing happens',
    start: '/garden/mobile',
    expected: { rage_click: 1, dead_click: 1 },
    async run(page) {
      await tapTimes(page, '#m-track', 4, 320);
      await pause(page, 3000);
    },
  }),
  touch({
    name: 'rage + error (phone): "Reorder" throws, tapped again and again',
    start: '/garden/mobile',
    expected: { rage_click: 1, error_click: 1 },
    async run(page) {
      await tapTimes(page, '#m-reorder', 5, 230);
      await pause(page, 2000);
    },
  }),
  touch({
    name: 'dead (phone): one tap on "Track", then waiting',
    start: '/garden/mobile',
    expected: { dead_click: 1 },
    async run(page) {
      await tap(page, '#m-track');
      await pause(page, 3200);
    },
  }),
  touch({
    name: 'error (phone): one tap on "Reorder" throws',
    start: '/garden/mobile',
    expected: { error_click: 1 },
    async run(page) {
      await tap(page, '#m-reorder');
      await pause(page, 2000);
    },
  }),
  touch({
    name: 'slow (phone): the gift card balance takes almost two seconds',
    start: '/garden/mobile',
    expected: { slow_response: 1 },
    async run(page) {
      await tap(page, '#m-balance');
      await page.waitForSelector('text=Balance: €25.00');
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'form struggle (phone): the delivery postcode refused three times',
    start: '/garden/mobile',
    expected: { form_struggle: 1 },
    async run(page) {
      for (const postcode of ['123', '1234', '12 345']) {
        await typeInto(page, '#m-postcode', postcode);
        await tap(page, '#m-send');
        await page.waitForFunction(() => document.getElementById('m-postcode-error').textContent !== '');
        await pause(page, 800);
      }
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'scroll thrash (phone): flinging the page up and down',
    start: '/garden/mobile',
    expected: { scroll_thrash: 1 },
    async run(page) {
      for (const dy of [900, -700, 800, -800, 700, -600]) {
        await fling(page, dy);
        await pause(page, 250);
      }
      await pause(page, 2000);
    },
  }),
  touch({
    name: 'quick back (phone): the account tab opened by mistake',
    start: '/garden/mobile',
    expected: { quick_back: 1 },
    async run(page) {
      await allowSignals(page);
      await tap(page, '.bottom-nav a[href="/garden/account"]');
      await page.waitForURL('**/garden/account');
      await ready(page);
      await pause(page, 1500);
      await page.goBack();
      await ready(page);
      await pause(page, 1000);
    },
  }),
  // Calm on the phone page: gestures that are not friction.
  touch({
    name: 'calm (phone): scrolling down with slow swipes, one swipe back',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      for (const [from, to] of [[600, 300], [600, 300], [600, 300], [300, 480], [600, 300]]) {
        await swipe(page, { x: 200, y: from }, { x: 205, y: to }, { steps: 10, ms: 400 });
        await pause(page, 600);
      }
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'calm (phone): pinching to read the small print, then back',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      await pinch(page, '#m-small-print', 2.5);
      await pause(page, 1500);
      await pinch(page, '#m-small-print', 0.4, 200);
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'calm (phone): a double tap and a two-finger zoom on the story',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      await doubleTap(page, '#m-story p:nth-of-type(2)');
      await pause(page, 1000);
      await pinch(page, '#m-story p:nth-of-type(3)', 1.8);
      await pause(page, 2500);
    },
  }),
  touch({
    name: 'calm (phone): a long press on a carousel tile and on text',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      await longPress(page, '#m-carousel .tile:nth-child(1)', 900);
      await pause(page, 600);
      await longPress(page, '#m-story p:nth-of-type(1)', 900);
      await pause(page, 2500);
    },
  }),
  touch({
    name: 'calm (phone): swiping through the carousel and back',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      const { y } = await centerOf(page, '#m-carousel');
      for (const [from, to] of [[330, 80], [330, 80], [330, 80], [80, 330]]) {
        await swipe(page, { x: from, y }, { x: to, y: y + 4 }, { steps: 6, ms: 200 });
        await pause(page, 400);
      }
      await pause(page, 2500);
    },
  }),
  touch({
    name: 'calm (phone): the stepper tapped fast, then added',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      await tapTimes(page, '#m-plus', 6, 150);
      await tap(page, '#m-add');
      await page.waitForSelector('text=7 Boston fern in your basket.');
      await pause(page, 2000);
    },
  }),
  touch({
    name: 'calm (phone): a disabled button, the drawer and the filter sheet',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      await tap(page, '#m-preorder');
      await pause(page, 800);
      await tap(page, '#m-menu');
      await pause(page, 600);
      await tap(page, '#m-drawer-close');
      await pause(page, 600);
      await tap(page, '#m-filters');
      await pause(page, 500);
      const box = await page.locator('#m-sheet-body').boundingBox();
      await swipe(page, { x: box.x + 150, y: box.y + box.height - 40 }, { x: box.x + 150, y: box.y + 60 }, { steps: 8, ms: 400 });
      await pause(page, 500);
      await tap(page, '#m-sheet-done');
      await pause(page, 2500);
    },
  }),
  touch({
    name: 'calm (phone): the delivery postcode right first time',
    start: '/garden/mobile',
    expected: {},
    async run(page) {
      await typeInto(page, '#m-postcode', '12345');
      await tap(page, '#m-send');
      await page.waitForSelector('text=We deliver there in 2 to 3 days.');
      await pause(page, 2000);
    },
  }),
  // The shop on a phone.
  touch({
    name: 'rage + dead (shop, phone): the coupon button tapped again and again',
    start: '/product/8812',
    expected: { rage_click: 1, dead_click: 1 },
    async run(page) {
      await typeInto(page, '#coupon-code', 'WINTER10');
      await tapTimes(page, '#apply-coupon', 4, 400);
      await pause(page, 3000);
    },
  }),
  touch({
    name: 'error (shop, phone): "Compare" throws',
    start: '/product/8812',
    expected: { error_click: 1 },
    async run(page) {
      await tap(page, '#compare');
      await pause(page, 2000);
    },
  }),
  touch({
    name: 'slow (shop, phone): the delivery check takes almost two seconds',
    start: '/product/8812',
    expected: { slow_response: 1 },
    async run(page) {
      await tap(page, '#check-delivery');
      await page.waitForSelector('text=Delivery in');
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'quick back (shop, phone): the sweater was not it',
    start: '/',
    expected: { quick_back: 1 },
    async run(page) {
      await allowSignals(page);
      await tap(page, 'text=Fjord Cable Sweater');
      await page.waitForURL('**/product/9340');
      await ready(page);
      await pause(page, 2500);
      await page.goBack();
      await ready(page);
      await pause(page, 1000);
    },
  }),
  touch({
    name: 'calm (shop, phone): a scarf bought with taps',
    start: '/',
    expected: {},
    async run(page) {
      await tap(page, 'text=Aurora Wool Scarf');
      await page.waitForURL('**/product/8812');
      await ready(page);
      await tap(page, '#qty-plus');
      await tap(page, '#add-to-cart');
      await tap(page, '#to-checkout');
      await page.waitForURL('**/checkout');
      await ready(page);
      await typeInto(page, '#email', 'kim@example.com');
      await typeInto(page, '#name', 'Kim Lee');
      await typeInto(page, '#postcode', '12345');
      await tap(page, '#place-order');
      await page.waitForSelector('text=Thank you!');
      await pause(page, 2000);
    },
  }),
  // The guide and the account page on a phone.
  touch({
    name: 'scroll thrash (article, phone): flinging up and down the guide',
    start: '/garden/article',
    expected: { scroll_thrash: 1 },
    async run(page) {
      for (const dy of [1500, -1000, 1200, -1300, 1100, -900, 1000]) {
        await fling(page, dy);
        await pause(page, 250);
      }
      await pause(page, 2000);
    },
  }),
  touch({
    name: 'calm (article, phone): reading down with slow swipes, one flick back',
    start: '/garden/article',
    expected: {},
    async run(page) {
      for (let i = 0; i < 4; i++) {
        await swipe(page, { x: 200, y: 560 }, { x: 204, y: 260 }, { steps: 10, ms: 450 });
        await pause(page, 900);
      }
      await fling(page, -250); // back up to a paragraph just passed
      await pause(page, 900);
      await swipe(page, { x: 200, y: 560 }, { x: 204, y: 260 }, { steps: 10, ms: 450 });
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'form struggle (account, phone): the server refuses the phone number twice',
    start: '/garden/account',
    expected: { form_struggle: 1 },
    async run(page) {
      await allowSignals(page); // the page reloads on submit
      for (const phone of ['06 1234', '06 1234 56a', '06 1234 5678']) {
        await typeInto(page, '#phone', phone);
        await Promise.all([page.waitForNavigation(), tap(page, '#save-profile')]);
        await ready(page);
        await pause(page, 700);
      }
      await pause(page, 1500);
    },
  }),
  touch({
    name: 'calm (account, phone): the profile saved at the first try',
    start: '/garden/account',
    expected: {},
    async run(page) {
      await allowSignals(page);
      await typeInto(page, '#phone', '06 1234 5678');
      await Promise.all([page.waitForNavigation(), tap(page, '#save-profile')]);
      await ready(page);
      await page.waitForSelector('text=Your profile is saved.');
      await pause(page, 2000);
    },
  }),
];
