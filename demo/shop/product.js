// The product page: working controls (stepper, carousel, add to cart) and the planted friction
// (a dead coupon button, a slow delivery check, a failing wishlist, a throwing compare button).
(function productPage() {
  const byId = (id) => document.getElementById(id);
  const status = byId('cart-status');

  let quantity = 1;
  byId('qty-minus').addEventListener('click', () => { quantity = Math.max(1, quantity - 1); byId('qty').textContent = quantity; });
  byId('qty-plus').addEventListener('click', () => { quantity += 1; byId('qty').textContent = quantity; });

  const captions = ['the scarf, folded', 'worn, outdoors', 'the wool, close up', 'the label'];
  let photo = 0;
  const showPhoto = (step) => {
    photo = (photo + step + captions.length) % captions.length;
    byId('carousel-caption').textContent = `Photo ${photo + 1} of ${captions.length}: ${captions[photo]}`;
  };
  byId('carousel-prev').addEventListener('click', () => showPhoto(-1));
  byId('carousel-next').addEventListener('click', () => showPhoto(1));
  // A horizontal swipe on the photo shows the next or previous one (touch-action: pan-y leaves
  // horizontal moves to the page, vertical ones still scroll it).
  let swipeFrom = null;
  byId('carousel-photo').addEventListener('pointerdown', (event) => { swipeFrom = event.clientX; });
  byId('carousel-photo').addEventListener('pointerup', (event) => {
    const travel = swipeFrom === null ? 0 : event.clientX - swipeFrom;
    swipeFrom = null;
    if (Math.abs(travel) > 40) showPhoto(travel < 0 ? 1 : -1);
  });
  byId('carousel-photo').addEventListener('pointercancel', () => { swipeFrom = null; });

  byId('add-to-cart').addEventListener('click', () => { status.textContent = 'Added to your cart.'; });
  byId('check-delivery').addEventListener('click', async () => {
    const answer = await (await fetch('/shop/api/slow?ms=1800')).json();
    status.textContent = `Delivery ${answer.delivery}.`;
  });
  byId('save-wishlist').addEventListener('click', () => { fetch('/shop/api/fail').catch(() => {}); });
  byId('compare').addEventListener('click', () => { throw new TypeError('compare list is not loaded'); });
  byId('gift-wrap').addEventListener('click', () => {
    const until = performance.now() + 700;
    while (performance.now() < until) { /* a heavy synchronous render, planted */ }
    status.textContent = 'Gift wrap added.';
  });
  byId('size-guide').addEventListener('click', (event) => event.preventDefault());
})();
