// The account page's scripts: the code check (fetch, role=alert), the address form (errors as
// plain text next to the field), a newsletter form whose handler does nothing, help search.
(function accountPage() {
  // 1. The profile's email is also checked as it is typed (a live check), as many sites do.
  const email = document.getElementById('profile-email');
  email.addEventListener('input', () => {
    if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(email.value.trim())) email.removeAttribute('aria-invalid');
    else email.setAttribute('aria-invalid', 'true');
  });

  // 2. The code: right only if it is 246810 (the demo's).
  const code = document.getElementById('sms-code');
  const codeMessage = document.getElementById('code-message');
  document.getElementById('verify-code').addEventListener('click', async () => {
    codeMessage.textContent = '';
    const response = await fetch(`/account/api/code?c=${encodeURIComponent(code.value)}`);
    if (response.ok) {
      code.removeAttribute('aria-invalid');
      document.getElementById('account-status').textContent = 'Your phone is verified.';
    } else {
      codeMessage.textContent = 'That code is not right. Check the text message and try again.';
    }
  });

  // 3. The address: city required, postcode five digits; each error a red line after its field.
  const address = document.getElementById('address-form');
  address.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const old of address.querySelectorAll('.field-problem')) old.remove();
    const problems = [];
    if (!address.city.value.trim()) problems.push([address.city, 'Enter your city.']);
    if (!/^[0-9]{5}$/.test(address.postcode.value.trim())) problems.push([address.postcode, 'A postcode is 5 digits.']);
    for (const [field, text] of problems) {
      const line = document.createElement('span');
      line.className = 'field-problem';
      line.style.color = '#c0102a';
      line.textContent = text;
      field.after(line);
    }
    if (!problems.length) document.getElementById('account-status').textContent = 'Your address is saved.';
  });

  // 4. The newsletter: a handler that lost its body in a refactor.
  document.getElementById('newsletter-form').addEventListener('submit', (event) => event.preventDefault());

  // Help search: the number of articles found, politely.
  document.getElementById('help-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const words = document.getElementById('help-query').value.trim().split(/\s+/).filter(Boolean);
    document.getElementById('help-results').textContent = `${Math.max(0, 6 - words.length * 2)} articles`;
  });
})();
