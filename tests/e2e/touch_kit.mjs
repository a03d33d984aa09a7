// A finger on a phone, for end-to-end tests and the corpus: Chromium's mobile emulation (Pixel
// 5: touch events, a coarse pointer, a 393 px viewport) and touch gestures sent through the
// DevTools protocol, as the browser's own input pipeline sees a finger: taps make clicks, drags
// scroll or pan, two fingers pinch, a hold opens the context menu.
import { devices } from 'playwright-core';
import { newAnsweredPage } from './harness.mjs';

export const PHONE = devices['Pixel 5'];

// A new phone page (its own context) for a visitor who answered `level` ('none' or 'signals').
export function newPhonePage(browser, { level = 'none', ...options } = {}) {
  return newAnsweredPage(browser, { ...PHONE, ...options }, { level });
}

const sessions = new WeakMap();
function cdp(page) {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  return sessions.get(page);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The centre of an element, scrolled into view first, in CSS px of the viewport.
export async function centreOf(page, selector) {
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function touch(page, type, points) {
  await (await cdp(page)).send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map(({ x, y }, id) => ({ x, y, id, radiusX: 5, radiusY: 5, force: 1 })),
  });
}

// One finger down at x/y, then up `holdMs` later, where it went down.
export async function tap(page, x, y, { holdMs = 60 } = {}) {
  await touch(page, 'touchStart', [{ x, y }]);
  await pause(holdMs);
  await touch(page, 'touchEnd', []);
}

// `times` taps on an element's centre, `gapMs` apart, wobbling a few px as a thumb does.
export async function tapRepeatedly(page, selector, times, gapMs = 150) {
  const { x, y } = await centreOf(page, selector);
  for (let i = 0; i < times; i++) {
    await tap(page, x + (i % 2) * 3, y - (i % 3));
    await pause(gapMs);
  }
}

// Two taps 120 ms apart: a double-tap (a zoom, on a page that allows it).
export async function doubleTap(page, x, y) {
  await tap(page, x, y, { holdMs: 40 });
  await pause(120);
  await tap(page, x, y, { holdMs: 40 });
}

// A finger held down `holdMs` (past the 500 ms long-press delay by default), then lifted.
export async function longPress(page, x, y, { holdMs = 900 } = {}) {
  await tap(page, x, y, { holdMs });
}

// A finger dragged from one point to another in `steps` moves over `durationMs`: a swipe
// (sideways on a carousel) or a slow scroll (vertically on the page).
export async function swipe(page, from, to, { steps = 10, durationMs = 200 } = {}) {
  await touch(page, 'touchStart', [from]);
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    await touch(page, 'touchMove', [{ x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f }]);
    await pause(durationMs / steps);
  }
  await touch(page, 'touchEnd', []);
}

// Two fingers from `spread` px apart around x/y moving to `spread * scale` apart: a pinch (zoom
// in for scale > 1).
export async function pinch(page, x, y, { spread = 60, scale = 2, steps = 10, durationMs = 300 } = {}) {
  const at = (s) => [{ x: x - s / 2, y }, { x: x + s / 2, y }];
  await touch(page, 'touchStart', [at(spread)[0]]);
  await touch(page, 'touchStart', at(spread));
  for (let i = 1; i <= steps; i++) {
    await touch(page, 'touchMove', at(spread * (1 + (scale - 1) * (i / steps))));
    await pause(durationMs / steps);
  }
  await touch(page, 'touchEnd', []);
}

// A quick flick, as a reader flings through a long article: a finger dragged `distance` px up
// the screen (the page moves down; negative: back up) in 80 ms from x/y and let go, so that the
// page scrolls on with whatever momentum the browser gives it.
export async function fling(page, x, y, distance, { durationMs = 80 } = {}) {
  await swipe(page, { x, y }, { x, y: y - distance }, { steps: 5, durationMs });
}
