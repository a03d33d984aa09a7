// The garden's account page (demo/garden/account.html): a profile the server checks (the page
// comes back with aria-invalid and a message), a 6-digit code checked by fetch (role=alert),
// an address whose errors are plain text beside the fields, a password change, and
// "Save preferences", whose handler does nothing.
import { center, clickBurst, moveAway, pause } from './steps.mjs';

// Submits the profile form with these values and waits for the server's page.
async function submitProfile(page, name, phone) {
  await page.fill('#display_name', '');
  await page.type('#display_name', name, { delay: 45 });
  await page.fill('#phone', '');
  await page.type('#phone', phone, { delay: 45 });
  await Promise.all([page.waitForNavigation(), page.click('#save-profile')]);
  await page.waitForFunction(() => window.friction && window.friction.ready);
}

async function tryCode(page, code) {
  await page.fill('#code', '');
  await page.type('#code', code, { delay: 60 });
  await page.click('#verify-code');
  await page.waitForFunction(() => document.getElementById('code-alert').textContent || document.getElementById('code-status').textContent);
}

export const accountJourneys = [
  // Friction.
  {
    name: 'form struggle (account): the server refuses the display name twice',
    start: '/garden/account',
    expected: { form_struggle: 1 },
    async run(page) {
      await page.evaluate(() => window.friction.consent.set('signals')); // the page reloads on submit
      await submitProfile(page, 'R2D2', '0612345678');
      await pause(page, 700);
      await submitProfile(page, 'R2-D2', '0612345678');
      await pause(page, 700);
      await submitProfile(page, 'Artoo Detoo', '0612345678');
      await pause(page, 1500);
    },
  },
  {
    name: 'form struggle (account): the 6-digit code refused three times',
    start: '/garden/account',
    expected: { form_struggle: 1 },
    async run(page) {
      for (const code of ['482193', '428913', '482931']) {
        await tryCode(page, code);
        await pause(page, 800);
      }
      await tryCode(page, '482913');
      await pause(page, 1500);
    },
  },
  {
    name: 'form struggle (account): the postcode refused in plain text, again and again',
    start: '/garden/account',
    expected: { form_struggle: 1 },
    async run(page) {
      await page.fill('#street', '12 Mill Lane');
      await page.fill('#city', 'Bramford');
      for (const zip of ['IP8', 'IP8 4', 'IP84AA']) {
        await page.fill('#zip', '');
        await page.type('#zip', zip, { delay: 60 });
        await page.click('#save-address');
        await pause(page, 900);
      }
      await pause(page, 1500);
    },
  },
  {
    name: 'form struggle (account): a new password refused for three reasons in turn',
    start: '/garden/account',
    expected: { form_struggle: 1 },
    async run(page) {
      await page.fill('#pw-current', 'old-secret-1');
      for (const [fresh, again] of [['tulips', 'tulips'], ['tulipsinmay', 'tulipsinmay'], ['tulipsinmay5', 'tulipsinmay6']]) {
        await page.fill('#pw-new', '');
        await page.type('#pw-new', fresh, { delay: 40 });
        await page.fill('#pw-again', '');
        await page.type('#pw-again', again, { delay: 40 });
        await page.click('#change-password');
        await pause(page, 900);
      }
      await pause(page, 1500);
    },
  },
  {
    name: 'rage + dead (account): "Save preferences" does nothing, clicked again and again',
    start: '/garden/account',
    expected: { rage_click: 1, dead_click: 1 },
    async run(page) {
      await page.check('#pref-tips');
      await clickBurst(page, '#save-prefs', 4, [250, 500, 300], 2);
      await moveAway(page);
      await pause(page, 3000);
    },
  },
  {
    name: 'dead (account): "Save preferences" clicked once, nothing happens',
    start: '/garden/account',
    expected: { dead_click: 1 },
    async run(page) {
      await page.check('#pref-offers');
      await page.click('#save-prefs');
      await moveAway(page);
      await pause(page, 3200);
    },
  },
  {
    name: 'cursor thrash (account): shaking the pointer beside the code field, slower strokes',
    start: '/garden/account',
    expected: { cursor_thrash: 1 },
    async run(page) {
      const { x, y } = await center(page, '#code');
      for (let i = 0; i < 9; i++) {
        await page.mouse.move(i % 2 ? x - 150 : x + 150, y + ((i * 5) % 12), { steps: 5 });
        await pause(page, 70);
      }
      await pause(page, 2000);
    },
  },
  {
    name: 'hesitation (account): resting on "Change password"',
    start: '/garden/account',
    expected: { hesitation: 1 },
    async run(page) {
      await page.hover('#change-password');
      await pause(page, 4200);
    },
  },
  {
    name: 'hesitation (account): in the code field, waiting for the text message',
    start: '/garden/account',
    expected: { hesitation: 1 },
    async run(page) {
      await page.focus('#code');
      await moveAway(page);
      await pause(page, 9500);
    },
  },
  // Calm.
  {
    name: 'calm (account): the profile saved at the first try (role=status)',
    start: '/garden/account',
    expected: {},
    async run(page) {
      await page.evaluate(() => window.friction.consent.set('signals'));
      await submitProfile(page, 'Robin Ash', '+44 1632 960123');
      await page.waitForSelector('text=Your profile is saved.');
      await pause(page, 2000);
    },
  },
  {
    name: 'calm (account): the browser autofills the address, then it is saved',
    start: '/garden/account',
    expected: {},
    async run(page) {
      await page.click('#street');
      await page.evaluate(() => { // autofill: every field at once, no keystrokes
        for (const [id, value] of [['street', '12 Mill Lane'], ['city', 'Bramford'], ['zip', '1234']]) {
          const input = document.getElementById(id);
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      await pause(page, 600);
      await page.click('#save-address');
      await page.waitForSelector('text=Address saved.');
      await pause(page, 2000);
    },
  },
  {
    name: 'calm (account): the live e-mail check passes once the address is typed',
    start: '/garden/account',
    expected: {},
    async run(page) {
      await page.click('#news-email');
      await page.keyboard.type('robin.ash@example.org', { delay: 80 });
      await page.waitForSelector('text=✓ looks right');
      await page.check('#pref-tips');
      await pause(page, 2000);
    },
  },
  {
    name: 'calm (account): the code right the first time, one typo fixed',
    start: '/garden/account',
    expected: {},
    async run(page) {
      await page.click('#code');
      await page.keyboard.type('4829', { delay: 90 });
      await page.keyboard.press('Backspace');
      await page.keyboard.type('913', { delay: 90 });
      await page.click('#verify-code');
      await page.waitForSelector('text=Your phone is confirmed.');
      await pause(page, 2000);
    },
  },
];
