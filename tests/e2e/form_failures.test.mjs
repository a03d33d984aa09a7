// Forms as they really fail, on the demo's account page (demo/shop/account.html) in Chromium:
// a form the server renders again with errors (across page loads), a code refused by a fetch
// (role=alert), errors as plain red text next to a field, a submit that does nothing; and the
// hard cases that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newAnsweredPage, useCollectorAndBrowser, watchPage } from './harness.mjs';

const suite = useCollectorAndBrowser();

// What the page is told, from before the SDK's first drain (a page rendered with errors is
// judged as it loads).
function listenFromTheStart() {
  window.detected = [];
  window.addEventListener('friction:detected', (event) => window.detected.push(event.detail));
}

async function openAccount() {
  const page = await newAnsweredPage(suite.browser);
  await page.context().addInitScript(listenFromTheStart);
  const seen = watchPage(page);
  await page.goto(`${suite.collector.base}/account`);
  await page.evaluate(() => window.friction.ready);
  return { page, seen };
}

const struggles = (page) => page.evaluate(() => window.detected.filter((d) => d.kind === 'form_struggle'));

// Selects what the field holds and types over it, as people retype a value (from the keyboard:
// a triple click would be three clicks on one field, which is the rage-click detector's).
async function retype(page, selector, text) {
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 60 });
}

async function saveProfile(page) {
  await Promise.all([page.waitForNavigation(), page.click('#save-profile')]);
  await page.evaluate(() => window.friction.ready);
}

test('a profile the server refuses twice, page load after page load, is a rejected submit', async () => {
  const { page, seen } = await openAccount();
  await retype(page, '#display-name', 'Ada');
  await retype(page, '#profile-email', 'ada@example.com');
  await retype(page, '#profile-phone', '12345');  // the server wants 8 to 15 digits
  await saveProfile(page);
  // The form is back, the phone marked and explained: the first refusal is how people learn.
  assert.equal(await page.getAttribute('#profile-phone', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#profile-phone-error'), /8 to 15 digits/);
  await page.waitForTimeout(500);
  assert.deepEqual(await struggles(page), []);
  await retype(page, '#profile-phone', '1234567');
  await saveProfile(page);
  await page.waitForFunction(() => window.detected.some((d) => d.kind === 'form_struggle'));
  const [struggle] = await struggles(page);
  assert.deepEqual(struggle.target, { role: 'form', tag: 'form' });
  assert.equal(struggle.cause, 'rejected_submit');
  assert.deepEqual(seen.errors, []);
  // What this tab keeps for the next page: hashes, times and counts, never what was typed.
  const kept = await page.evaluate(() => sessionStorage.getItem('friction:forms') || '');
  assert.doesNotMatch(kept, /1234567|Ada|example/);
  await page.close();
});

test('a profile sent once and accepted is silent', async () => {
  const { page } = await openAccount();
  await retype(page, '#display-name', 'Ada');
  await retype(page, '#profile-email', 'ada@example.com');  // flagged while typed, then accepted
  await retype(page, '#profile-phone', '+44 20 7946 0000');
  await saveProfile(page);
  assert.match(await page.textContent('#account-status'), /saved/);
  assert.equal(await page.getAttribute('#profile-email', 'aria-invalid'), null);
  await page.waitForTimeout(3000);
  assert.deepEqual(await struggles(page), []);
  await page.close();
});

test('a code refused twice by the server, retyped whole each time, is struggle on the code field', async () => {
  const { page, seen } = await openAccount();
  await retype(page, '#sms-code', '135790');
  await page.click('#verify-code');
  await page.waitForFunction(() => document.getElementById('code-message').textContent !== '');
  await page.waitForTimeout(1200);  // reads the message
  assert.deepEqual(await struggles(page), []);
  await retype(page, '#sms-code', '246801');
  await page.click('#verify-code');
  await page.waitForFunction(() => window.detected.some((d) => d.kind === 'form_struggle'));
  const [struggle] = await struggles(page);
  assert.equal(struggle.target.tag, 'input');
  assert.equal(struggle.target.label, 'SMS code');
  assert.equal(struggle.cause, 'validation_loop');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('errors as plain red text next to a field, twice on the same field, name that field', async () => {
  const { page } = await openAccount();
  await retype(page, '#street', '12 Wool Lane');
  await retype(page, '#address-postcode', '123');
  await page.click('#save-address');  // "Enter your city." and "A postcode is 5 digits."
  await page.waitForSelector('.field-problem');
  await page.waitForTimeout(1000);
  await retype(page, '#city', 'Leeds');
  await retype(page, '#address-postcode', '1234');
  await page.click('#save-address');
  await page.waitForFunction(() => window.detected.some((d) => d.kind === 'form_struggle'));
  const [struggle] = await struggles(page);
  assert.equal(struggle.target.label, 'Address postcode');
  assert.equal(struggle.cause, 'validation_loop');
  await page.close();
});

test('a submit button that does nothing, pressed twice, is struggle on its form', async () => {
  const { page } = await openAccount();
  await page.click('#save-newsletter');
  await page.waitForTimeout(3000);
  assert.deepEqual(await struggles(page), []);  // once is a dead click's business
  await page.click('#save-newsletter');
  await page.waitForFunction(() => window.detected.some((d) => d.kind === 'form_struggle'), null, { timeout: 6000 });
  const [struggle] = await struggles(page);
  assert.deepEqual(struggle.target, { role: 'form', tag: 'form' });
  assert.equal(struggle.cause, 'rejected_submit');
  await page.close();
});

test('silent: a search refined again and again, a typo fixed once, a form filled by a password manager', async () => {
  const { page, seen } = await openAccount();
  for (const query of ['wool', 'wool socks', 'woll', 'wool sock size']) {
    await retype(page, '#help-query', query);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ze', { delay: 60 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  }
  await page.click('#street');
  await page.keyboard.type('12 Wool Lnae', { delay: 60 });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('ane', { delay: 60 });
  // A password manager fills the profile in one go (input events, no keystrokes).
  await page.evaluate(() => {
    for (const [id, value] of [['display-name', 'Ada'], ['profile-email', 'ada@example.com'], ['profile-phone', '02079460000']]) {
      const field = document.getElementById(id);
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await page.waitForTimeout(3000);
  await page.evaluate(() => window.friction.flush());
  assert.deepEqual(await struggles(page), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
