// Small steps the journeys share: pauses, clicks with a person's imprecision, consent.
export const pause = (page, ms) => page.waitForTimeout(ms);

export async function center(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// `times` clicks on `selector`, `gapMs` apart (a number, or one per gap), each `jitterPx` or so
// from the centre: people neither click at a steady pace nor on the same pixel.
export async function clickBurst(page, selector, times, gapMs, jitterPx = 0) {
  const { x, y } = await center(page, selector);
  for (let i = 0; i < times; i++) {
    const dx = jitterPx ? ((i * 7) % (2 * jitterPx + 1)) - jitterPx : 0;
    const dy = jitterPx ? ((i * 3) % (jitterPx + 1)) - jitterPx / 2 : 0;
    await page.mouse.click(x + dx, y + dy);
    await pause(page, Array.isArray(gapMs) ? gapMs[i % gapMs.length] : gapMs);
  }
}

// Moves the pointer off the controls, as a person does while waiting.
export const moveAway = (page) => page.mouse.move(20, 650, { steps: 5 });

// Signals consent: the journey survives page loads (quick back) only with it.
export const allowSignals = (page) => page.evaluate(() => window.friction.consent.set('signals'));

export const ready = (page) => page.waitForFunction(() => window.friction && window.friction.ready);

// Wheel steps over the element `selector` (the pointer on it, so an inner scroller takes them).
export async function wheelOver(page, selector, deltas, gapMs) {
  const { x, y } = await center(page, selector);
  await page.mouse.move(x, y);
  for (const delta of deltas) {
    await page.mouse.wheel(0, delta);
    await pause(page, gapMs);
  }
}
