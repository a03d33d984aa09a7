// The shop's own script: a working "Add to cart", the plain consent buttons (until the SDK's
// consent panel exists), and help offered in context when the SDK hears friction.
(function shop() {
  const byId = (id) => document.getElementById(id);

  const status = byId('consent-status');
  const showConsent = () => {
    const level = window.friction.consent ? window.friction.consent.get() : 'none';
    status.textContent = level === 'signals' ? 'Thank you: anonymous signals are on.' : 'Nothing is sent.';
  };
  byId('allow-signals').addEventListener('click', () => { window.friction('consent', 'signals'); showConsent(); });
  byId('refuse-signals').addEventListener('click', () => { window.friction('consent', 'none'); showConsent(); });
  if (window.friction.ready) showConsent();
  else status.textContent = 'Nothing is sent.';

  const cart = byId('add-to-cart');
  if (cart) cart.addEventListener('click', () => { byId('cart-status').textContent = 'Added to your cart.'; });

  window.friction('on', 'friction', (found) => {
    const help = byId('help');
    if (!help) return;
    const what = found.target.label ? `“${found.target.label}”` : 'this';
    byId('help-text').textContent = `Looks like ${what} is not working for you. Sorry! We can apply your coupon by hand.`;
    help.hidden = false;
  });
})();
