// The phone page. "Track" does nothing, "Reorder" throws, "Check" (gift card) answers after
// 1.8 s, the delivery postcode is refused by the shop's server unless it has 5 digits.
const $ = (id) => document.getElementById(id);
const say = (text) => { $('m-status').textContent = text; };

$('m-menu').addEventListener('click', () => $('m-drawer').classList.add('open'));
$('m-drawer-close').addEventListener('click', () => $('m-drawer').classList.remove('open'));
for (const link of $('m-drawer').querySelectorAll('a')) link.addEventListener('click', () => $('m-drawer').classList.remove('open'));
$('m-filters').addEventListener('click', () => $('m-sheet').classList.add('open'));
$('m-sheet-done').addEventListener('click', () => $('m-sheet').classList.remove('open'));

let qty = 1;
$('m-plus').addEventListener('click', () => { $('m-qty').textContent = String(++qty); });
$('m-minus').addEventListener('click', () => { qty = Math.max(1, qty - 1); $('m-qty').textContent = String(qty); });
$('m-add').addEventListener('click', () => say(`${qty} Boston fern in your basket.`));
$('m-basket').addEventListener('click', () => say('Your basket: Boston fern.'));
$('m-track').addEventListener('click', () => {
  // the tracking page was never linked
});
$('m-reorder').addEventListener('click', () => {
  const last = JSON.parse('{"items":'); // a truncated record: the reorder throws
  say(`Reordered ${last.items.length} items.`);
});
$('m-balance').addEventListener('click', async () => {
  const answer = await fetch('/shop/api/slow?ms=1800').then((r) => r.json());
  say(answer.ok ? 'Balance: €25.00' : 'Try again later.');
});
$('m-delivery').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/shop/api/checkout', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ postcode: $('m-postcode').value }),
  });
  if (response.ok) {
    $('m-postcode-error').textContent = '';
    say('We deliver there in 2 to 3 days.');
  } else {
    $('m-postcode-error').textContent = (await response.json()).errors.postcode;
  }
});
