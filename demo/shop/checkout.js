// Checkout: the browser checks email and name; the server checks the postcode and answers
// 422 with a message, which the page shows with aria-invalid (as accessible forms do).
(function checkoutPage() {
  const form = document.getElementById('checkout-form');
  const postcode = document.getElementById('postcode');
  const error = document.getElementById('postcode-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/shop/api/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ postcode: postcode.value }),
    });
    if (response.ok) {
      postcode.removeAttribute('aria-invalid');
      error.textContent = '';
      document.getElementById('order-status').textContent = 'Thank you! Your order is placed.';
      // The shop's goal: the counts of this tab's earlier page views go again, marked with it.
      if (typeof window.friction === 'function') window.friction('goal', 'purchase');
      return;
    }
    const answer = await response.json();
    postcode.setAttribute('aria-invalid', 'false'); // so that each rejection is a new change
    postcode.setAttribute('aria-invalid', 'true');
    error.textContent = answer.errors.postcode;
  });
})();
