// What a person does with a finger, in Chromium's mobile emulation (a context made with
// devices['Pixel 5']): taps through playwright's touchscreen; swipes, flicks, long presses and
// pinches through the DevTools protocol's touch input (Input.dispatchTouchEvent, one or two
// touch points).
const cdpOf = new WeakMap();

async function cdp(page) {
  if (!cdpOf.has(page)) cdpOf.set(page, await page.context().newCDPSession(page));
  return cdpOf.get(page);
}

const touch = async (page, type, points) =>
  (await cdp(page)).send('Input.dispatchTouchEvent', { type, touchPoints: points.map(({ x, y }, id) => ({ x, y, id })) });

// A thumb taps what sits comfortably on screen: an element near an edge (or under the SDK's
// Privacy button at the bottom left) is first scrolled to the middle, and the scroll let settle
// so that its event does not land after the tap, as if the page had answered it.
const EDGE_SHARE = 0.2;
const SCROLL_SETTLE_MS = 150;

export async function centerOf(page, selector) {
  const moved = await page.locator(selector).first().evaluate((element, edge) => {
    const box = element.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    if (middle >= innerHeight * edge && middle <= innerHeight * (1 - edge)) return false;
    element.scrollIntoView({ block: 'center' });
    return true;
  }, EDGE_SHARE);
  if (moved) await page.waitForTimeout(SCROLL_SETTLE_MS);
  const box = await page.locator(selector).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// One tap at the centre of `selector`, `jitter` px off it (a thumb never lands twice on the
// same pixel).
export async function tap(page, selector, jitter = { x: 0, y: 0 }) {
  const { x, y } = await centerOf(page, selector);
  await page.touchscreen.tap(x + jitter.x, y + jitter.y);
}

// `times` taps on `selector`, `gapMs` apart, each a few px from the last.
export async function tapTimes(page, selector, times, gapMs) {
  for (let i = 0; i < times; i++) {
    await tap(page, selector, { x: (i % 3) - 1, y: ((i * 2) % 5) - 2 });
    await page.waitForTimeout(gapMs);
  }
}

// A finger drawn from one point to another in `steps` moves over about `ms`: a slow swipe
// that scrolls (or turns a carousel) without a fling.
export async function swipe(page, from, to, { steps = 8, ms = 300 } = {}) {
  await touch(page, 'touchStart', [from]);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await touch(page, 'touchMove', [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }]);
    await page.waitForTimeout(ms / steps);
  }
  await touch(page, 'touchEnd', []);
}

// A quick flick of the finger over about `px` px in ~90 ms, starting at (x, y): the page goes
// on scrolling after the finger lifts (a fling). Positive `px`: towards the end of the page.
// (Input.synthesizeScrollGesture with gestureSourceType 'touch' does not scroll in headless
// Chromium here, so the flick is drawn by hand.)
export async function fling(page, px, { x = 200, y = 0 } = {}) {
  const startY = y || (px > 0 ? 560 : 160);
  await swipe(page, { x, y: startY }, { x: x + 3, y: startY - Math.sign(px) * Math.min(Math.abs(px), 380) }, { steps: 5, ms: 90 });
}

// A finger held still for `ms` (a long press: the context menu or text selection).
export async function longPress(page, selector, ms = 800) {
  const point = await centerOf(page, selector);
  await touch(page, 'touchStart', [point]);
  await page.waitForTimeout(ms);
  await touch(page, 'touchEnd', []);
}

// Two taps 120 ms apart on the same spot (double-tap zoom on pages that allow it).
export async function doubleTap(page, selector) {
  const { x, y } = await centerOf(page, selector);
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(120);
  await page.touchscreen.tap(x + 1, y);
}

// Two fingers around the centre of `selector`, moved from `startGap` px apart to
// `startGap * scaleFactor`: spread to zoom in (scale > 1), pinched together to zoom out (< 1).
// (Input.synthesizePinchGesture with gestureSourceType 'touch' does not zoom in headless
// Chromium here, so both fingers are moved by hand.)
export async function pinch(page, selector, scaleFactor, startGap = 80) {
  const { x, y } = await centerOf(page, selector);
  const at = (gap) => [{ x: x - gap / 2, y }, { x: x + gap / 2, y: y + 2 }];
  await touch(page, 'touchStart', at(startGap));
  for (let i = 1; i <= 8; i++) {
    await touch(page, 'touchMove', at(startGap * (1 + (scaleFactor - 1) * (i / 8))));
    await page.waitForTimeout(30);
  }
  await touch(page, 'touchEnd', []);
}
