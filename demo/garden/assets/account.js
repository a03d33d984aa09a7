// The account page's own checks. The profile form is checked on the server
// (demo/collector/garden_account.cpp); these are the others.
const $ = (id) => document.getElementById(id);

$('verify-code').addEventListener('click', async () => {
  $('code-alert').textContent = '';
  const response = await fetch('/garden/api/code?c=' + encodeURIComponent($('code').value));
  const body = await response.json();
  if (response.ok) $('code-status').textContent = 'Your phone is confirmed.';
  else $('code-alert').textContent = body.error;
});

// Errors as plain text beside each field: no aria, as many older sites do.
$('address-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const problems = {
    street: $('street').value.trim().length < 3 ? 'Too short' : '',
    city: $('city').value.trim() === '' ? 'Required' : '',
    zip: /^[0-9]{4,5}$/.test($('zip').value.trim()) ? '' : 'Not a postcode',
  };
  for (const [field, text] of Object.entries(problems)) $(field + '-hint').textContent = text;
  if (Object.values(problems).every((p) => !p)) $('address-status').textContent = 'Address saved.';
});

$('password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const fresh = $('pw-new').value;
  let problem = '';
  if (fresh.length < 10) problem = 'Use at least 10 characters.';
  else if (!/[0-9]/.test(fresh)) problem = 'Use at least one digit.';
  else if (fresh !== $('pw-again').value) problem = 'The two new passwords differ.';
  $('pw-error').textContent = problem;
  if (problem) $('pw-new').setAttribute('aria-invalid', 'true');
  else {
    $('pw-new').removeAttribute('aria-invalid');
    $('pw-status').textContent = 'Password changed.';
  }
});

// A live check that settles once the address looks whole.
let pending = 0;
$('news-email').addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const value = $('news-email').value;
    $('news-check').textContent = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value) ? '✓ looks right' : '';
  }, 400);
});

$('save-prefs').addEventListener('click', () => {
  // the preferences were meant to be saved here; the handler was left empty
});
