// Fernhill Garden's home page. Planted friction sits next to look-alikes that answer:
// "Delivery details →" is text dressed as a link that does nothing; "Watering tip →" looks
// the same and answers. "Notify me" does nothing, "Check stock" answers after 1.8 s, "Apply"
// freezes the page, the share icon throws, each heart's request fails.
const $ = (id) => document.getElementById(id);

function openDrawer(open) {
  $('drawer').classList.toggle('open', open);
  $('backdrop').classList.toggle('on', open);
  $('menu-toggle').setAttribute('aria-expanded', String(open));
}
$('menu-toggle').addEventListener('click', () => openDrawer(true));
$('drawer-close').addEventListener('click', () => openDrawer(false));
$('backdrop').addEventListener('click', () => {
  openDrawer(false);
  $('club-modal').classList.remove('on');
});
for (const link of $('drawer').querySelectorAll('a[href^="#"]')) link.addEventListener('click', () => openDrawer(false));

// The carousel: a click always shows another slide.
let slide = 0;
const slides = document.querySelectorAll('#hero .slide');
function show(step) {
  slides[slide].classList.remove('on');
  slide = (slide + step + slides.length) % slides.length;
  slides[slide].classList.add('on');
}
$('hero-prev').addEventListener('click', () => show(-1));
$('hero-next').addEventListener('click', () => show(1));

// Cards are divs with role=link; the heart inside saves, through a service that is down.
for (const card of document.querySelectorAll('.card')) {
  card.addEventListener('click', (event) => {
    if (event.target.closest('.wish')) return;
    location.href = '/garden/plant/' + card.dataset.id;
  });
}
for (const heart of document.querySelectorAll('.wish')) {
  heart.addEventListener('click', () => {
    fetch('/shop/api/fail').then((r) => {
      if (!r.ok) throw new Error('wishlist ' + r.status);
    });
  });
}

$('search').addEventListener('input', () => {
  const words = $('search').value.trim().toLowerCase();
  let shown = 0;
  for (const card of document.querySelectorAll('.card')) {
    const hit = card.querySelector('.name').textContent.toLowerCase().includes(words);
    card.classList.toggle('hidden', !hit);
    shown += hit;
  }
  $('search-count').textContent = shown + ' plants';
});

// The promo card (a div without a role) opens the club's terms in a modal.
$('club-promo').addEventListener('click', () => {
  $('club-modal').classList.add('on');
  $('backdrop').classList.add('on');
});
$('modal-close').addEventListener('click', () => {
  $('club-modal').classList.remove('on');
  $('backdrop').classList.remove('on');
});
$('accept-terms').addEventListener('click', () => {
  $('club-modal').classList.remove('on');
  $('backdrop').classList.remove('on');
  $('pick-status').textContent = 'Welcome to the seed club.';
});

$('watering-tip').addEventListener('click', () => $('watering-text').classList.toggle('hidden'));
$('delivery-info').addEventListener('click', () => {}); // forgotten: it was meant to open a panel

let qty = 1;
$('qty-plus').addEventListener('click', () => { $('qty').textContent = String(++qty); });
$('qty-minus').addEventListener('click', () => { qty = Math.max(1, qty - 1); $('qty').textContent = String(qty); });
$('add-basket').addEventListener('click', () => { $('pick-status').textContent = `${qty} in your basket.`; });
$('check-stock').addEventListener('click', async () => {
  const answer = await fetch('/shop/api/slow?ms=1800').then((r) => r.json());
  $('pick-status').textContent = answer.ok ? 'In stock: ships in 2 to 3 days.' : 'Unknown';
});
$('notify-me').addEventListener('click', () => {
  // meant to subscribe to a restock e-mail; the endpoint was never written
});
$('show-reviews').addEventListener('click', () => $('reviews').classList.toggle('hidden'));
$('compare-plants').addEventListener('click', () => {
  const table = null;
  table.rows.forEach(() => {}); // a bug: the comparison table is never built
});
$('share').addEventListener('click', () => {
  navigator.shareSheet.open(location.pathname); // an API that does not exist
});
$('voucher-apply').addEventListener('click', () => {
  const until = performance.now() + 800; // a slow synchronous check freezes the page
  while (performance.now() < until) { /* busy */ }
  $('pick-status').textContent = 'That voucher has ended.';
});
