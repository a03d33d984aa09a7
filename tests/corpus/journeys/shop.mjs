// The labelled journey corpus: scripted people on the demo shop, each with the frictions a
// careful human observer would label. "Calm" journeys must produce nothing at all; the others
// hold the hard cases from the detectors' issue (steppers, carousels, text selection, labels,
// downloads, new tabs) next to the real frictions.
const pause = (page, ms) => page.waitForTimeout(ms);

async function center(page, selector) {
  const box = await page.locator(selector).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function clickTimes(page, selector, times, gapMs) {
  const { x, y } = await center(page, selector);
  for (let i = 0; i < times; i++) {
    await page.mouse.click(x, y);
    await pause(page, gapMs);
  }
}

async function allowSignals(page) {
  await page.evaluate(() => window.friction.consent.set('signals'));
}

export const shopJourneys = [
  // Calm: a person who knows what they want.
  {
    name: 'calm: buy a scarf quickly',
    start: '/',
    expected: {},
    async run(page) {
      await page.click('text=Aurora Wool Scarf');
      await page.waitForURL('**/product/8812');
      await page.waitForFunction(() => window.friction.ready);
      await page.click('#qty-plus');
      await page.click('#add-to-cart');
      await page.click('#to-checkout');
      await page.waitForURL('**/checkout');
      await page.waitForFunction(() => window.friction.ready);
      await page.fill('#email', 'kim@example.com');
      await page.fill('#name', 'Kim Lee');
      await page.fill('#postcode', '12345');
      await page.click('#place-order');
      await page.waitForSelector('text=Thank you!');
      await pause(page, 3000);
    },
  },
  {
    name: 'calm: flick through the carousel fast',
    start: '/product/8812',
    expected: {},
    async run(page) {
      await clickTimes(page, '#carousel-next', 6, 150);
      await clickTimes(page, '#carousel-prev', 3, 150);
      await pause(page, 3000);
    },
  },
  {
    name: 'calm: step the quantity up quickly',
    start: '/product/8812',
    expected: {},
    async run(page) {
      await clickTimes(page, '#qty-plus', 7, 120);
      await pause(page, 3000);
    },
  },
  {
    name: 'calm: select the description by triple click',
    start: '/product/8812',
    expected: {},
    async run(page) {
      await page.click('.description', { clickCount: 3 });
      await page.click('#product-name', { clickCount: 2 });
      await pause(page, 3000);
    },
  },
  {
    name: 'calm: click a label, plain text, a download and a new-tab link',
    start: '/product/8812',
    expected: {},
    async run(page) {
      await page.click('label[for=coupon-code]');
      await page.click('.price >> nth=0');
      await page.click('text=Care guide');
      await page.click('#to-checkout', { modifiers: ['Control'] });
      await pause(page, 3000);
    },
  },
  {
    name: 'calm: read the help page from top to bottom',
    start: '/help',
    expected: {},
    async run(page) {
      await page.mouse.move(400, 300);
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, 400);
        await pause(page, 250);
      }
      await page.mouse.wheel(0, -300); // back up to re-read a paragraph
      await pause(page, 400);
      await page.mouse.wheel(0, 600);
      await pause(page, 2000);
    },
  },
  {
    name: 'calm: a typo fixed once, then the form sent',
    start: '/checkout',
    expected: {},
    async run(page) {
      await page.type('#email', 'kim@exmaple.com', { delay: 30 });
      for (let i = 0; i < 11; i++) await page.keyboard.press('Backspace');
      await page.type('#email', 'example.com', { delay: 30 });
      await page.fill('#name', 'Kim Lee');
      await page.fill('#postcode', '12345');
      await page.click('#place-order');
      await page.waitForSelector('text=Thank you!');
      await pause(page, 2000);
    },
  },
  {
    name: 'calm: the pointer passes over buttons on its way',
    start: '/product/8812',
    expected: {},
    async run(page) {
      for (const selector of ['#apply-coupon', '#add-to-cart', '#check-delivery', '#compare']) {
        await page.hover(selector);
        await pause(page, 600);
      }
      await page.mouse.move(20, 650, { steps: 10 });
      await pause(page, 3500);
    },
  },
  // Friction.
  {
    name: 'dead: a script link that does nothing',
    start: '/product/8812',
    expected: { dead_click: 1 },
    async run(page) {
      await page.click('#size-guide');
      await page.mouse.move(20, 650);
      await pause(page, 3500);
    },
  },
  {
    name: 'slow: gift wrap freezes the page for 0.7 s',
    start: '/product/8812',
    expected: { slow_response: 1 },
    async run(page) {
      await page.click('#gift-wrap');
      await page.mouse.move(20, 650);
      await pause(page, 3000);
    },
  },
  {
    name: 'form struggle: rewriting the name again and again',
    start: '/checkout',
    expected: { form_struggle: 1 },
    async run(page) {
      await page.click('#name');
      for (const attempt of ['Jon', 'John', 'Johan']) {
        await page.keyboard.type(attempt, { delay: 40 });
        await pause(page, 300);
        for (let i = 0; i < attempt.length; i++) await page.keyboard.press('Backspace');
        await pause(page, 300);
      }
      await page.keyboard.type('Johannes', { delay: 40 });
      await page.mouse.move(20, 650);
      await pause(page, 2000);
    },
  },
  {
    name: 'rage: the coupon button does nothing',
    start: '/product/8812',
    expected: { rage_click: 1, dead_click: 1 }, // a burst on a dead button is both (issue 16)
    async run(page) {
      await page.fill('#coupon-code', 'WINTER10');
      await clickTimes(page, '#apply-coupon', 5, 150);
      await pause(page, 3000);
    },
  },
  {
    name: 'dead: one click on the coupon button, then waiting',
    start: '/product/8812',
    expected: { dead_click: 1 },
    async run(page) {
      await page.click('#apply-coupon');
      await pause(page, 3500);
    },
  },
  {
    name: 'error: compare throws',
    start: '/product/8812',
    expected: { error_click: 1 },
    async run(page) {
      await page.click('#compare');
      await pause(page, 3000);
    },
  },
  {
    name: 'error: the wishlist request fails',
    start: '/product/8812',
    expected: { error_click: 1 },
    async run(page) {
      await page.click('#save-wishlist');
      await pause(page, 3000);
    },
  },
  {
    name: 'slow: the delivery check takes almost two seconds',
    start: '/product/8812',
    expected: { slow_response: 1 },
    async run(page) {
      await page.click('#check-delivery');
      await page.waitForSelector('text=Delivery in');
      await pause(page, 1500);
    },
  },
  {
    name: 'form struggle: the server keeps refusing the postcode',
    start: '/checkout',
    expected: { form_struggle: 1 },
    async run(page) {
      await page.fill('#email', 'kim@example.com');
      await page.fill('#name', 'Kim Lee');
      for (const attempt of ['12', '123', '1234x']) {
        await page.fill('#postcode', attempt);
        await page.click('#place-order');
        await page.waitForFunction((value) => document.getElementById('postcode-error').textContent !== '' && document.getElementById('postcode').value === value, attempt);
        await pause(page, 400);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'form struggle: submitting an empty form again and again',
    start: '/checkout',
    expected: { form_struggle: 1 },
    async run(page) {
      for (let i = 0; i < 3; i++) {
        await page.click('#place-order');
        await pause(page, 900);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'scroll thrash: searching the help page up and down',
    start: '/help',
    expected: { scroll_thrash: 1 },
    async run(page) {
      await page.mouse.move(400, 300);
      for (const delta of [1500, -1200, 1400, -1300, 1500, -1100, 1200]) {
        await page.mouse.wheel(0, delta);
        await pause(page, 350);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'quick back: the product was not what they wanted',
    start: '/',
    expected: { quick_back: 1 },
    async run(page) {
      await allowSignals(page); // the journey survives page loads only with consent
      await page.click('text=Fjord Cable Sweater');
      await page.waitForURL('**/product/9340');
      await page.waitForFunction(() => window.friction.ready);
      await pause(page, 1500);
      await page.goBack();
      await page.waitForFunction(() => window.friction && window.friction.ready);
      await page.evaluate(() => window.friction.ready);
      await pause(page, 1000);
    },
  },
  {
    name: 'cursor thrash: shaking the pointer',
    start: '/product/8812',
    expected: { cursor_thrash: 1 },
    async run(page) {
      await page.mouse.move(300, 500);
      for (let i = 0; i < 10; i++) {
        await page.mouse.move(i % 2 ? 300 : 700, 500 + (i % 3) * 10, { steps: 4 });
        await pause(page, 40);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'cursor thrash: shaking the pointer up and down',
    start: '/help',
    expected: { cursor_thrash: 1 },
    async run(page) {
      await page.mouse.move(500, 150);
      for (let i = 0; i < 10; i++) {
        await page.mouse.move(500 + (i % 3) * 8, i % 2 ? 150 : 550, { steps: 4 });
        await pause(page, 40);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'hesitation: unsure about "Add to cart"',
    start: '/product/9340',
    expected: { hesitation: 1 },
    async run(page) {
      await page.hover('#add-to-cart');
      await pause(page, 3800);
    },
  },
  {
    name: 'hesitation: resting on "Place order"',
    start: '/checkout',
    expected: { hesitation: 1 },
    async run(page) {
      await page.hover('#place-order');
      await pause(page, 4000);
    },
  },
  {
    name: 'hesitation: stuck in the postcode field',
    start: '/checkout',
    expected: { hesitation: 1 },
    async run(page) {
      await page.focus('#postcode');
      await pause(page, 9000);
    },
  },
];
