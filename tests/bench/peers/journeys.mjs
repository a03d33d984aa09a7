// The scripted journeys every lane runs, the same steps at the same pace: a person who
// scrolls, hovers, clicks a few things, types in a field and goes on to the next page (3-4
// pages each). They avoid the shop's planted main-thread block (gift wrap), which would be the
// page's long task, not an SDK's. Selectors: demo/shop/*.html.
const pause = (page, ms) => page.waitForTimeout(ms);

// A new page has loaded and the person looks at it before acting.
async function arrive(page) {
  await page.waitForLoadState('load');
  await pause(page, 800);
}

async function scrollBy(page, dy, steps = 4) {
  await page.mouse.move(300, 300);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, dy / steps);
    await pause(page, 120);
  }
  await pause(page, 300);
}

async function hover(page, selector) {
  await page.hover(selector);
  await pause(page, 400);
}

async function click(page, selector) {
  await page.click(selector);
  await pause(page, 400);
}

async function type(page, selector, text) {
  await page.click(selector);
  await page.keyboard.type(text, { delay: 70 });
  await pause(page, 300);
}

// Clicks a link and waits for the next page to load (its path must match `path`).
async function follow(page, selector, path) {
  await Promise.all([page.waitForURL((url) => url.pathname === path), page.click(selector)]);
  await arrive(page);
}

async function productPage(page) {
  await scrollBy(page, 200);
  await hover(page, '#carousel-next');
  await click(page, '#carousel-next');
  await click(page, '#carousel-next');
  await click(page, '#qty-plus');
  await type(page, '#coupon-code', 'WINTER10');
  await click(page, '#add-to-cart');
}

async function checkoutPage(page) {
  await type(page, '#email', 'kim@example.com');
  await type(page, '#name', 'Kim Lee');
  await type(page, '#postcode', '12345');
  await click(page, '#place-order');
  await page.waitForSelector('text=Thank you', { timeout: 5000 }).catch(() => {});
  await pause(page, 800);
}

export const JOURNEYS = [
  {
    name: 'buy a scarf',
    start: '/',
    async run(page) {
      await scrollBy(page, 300);
      await hover(page, 'text=Fjord Cable Sweater');
      await follow(page, 'text=Aurora Wool Scarf', '/product/8812');
      await productPage(page);
      await follow(page, '#to-checkout', '/checkout');
      await checkoutPage(page);
    },
  },
  {
    name: 'compare two products',
    start: '/product/9340',
    async run(page) {
      await productPage(page);
      await follow(page, '.brand', '/');
      await scrollBy(page, 200);
      await follow(page, 'text=Aurora Wool Scarf', '/product/8812');
      await scrollBy(page, 300);
      await click(page, '#qty-plus');
      await click(page, '#add-to-cart');
      await follow(page, '#to-checkout', '/checkout');
      await type(page, '#email', 'sam@example.com');
    },
  },
  {
    name: 'read help, then buy',
    start: '/product/1001',
    async run(page) {
      await scrollBy(page, 300);
      await type(page, '#coupon-code', 'SPRING');
      await follow(page, 'a[href="/help"]', '/help');
      await scrollBy(page, 1500, 8);
      await scrollBy(page, -600, 4);
      await hover(page, '.faq-item h2');
      await follow(page, '.brand', '/');
      await follow(page, 'text=Aurora Wool Scarf', '/product/8812');
      await productPage(page);
    },
  },
];
