// The end user's consent panel and Privacy button, in real headless Chromium on the demo shop
// (under its CSP, style-src 'self'): first-visit prompt, equal choices, refusal by closing,
// keyboard-only use, French, Global Privacy Control, the data receipt, and axe-core.
// Screenshots of each state go to build/screenshots/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickRepeatedly, root, useCollectorAndBrowser, watchPage, withScriptSettings } from './harness.mjs';

const suite = useCollectorAndBrowser();
const SCREENSHOTS = join(root, 'build/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const AXE_SOURCE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const PANEL = 'friction-consent-panel dialog';
const PRIVACY_BUTTON = 'friction-privacy-button button';

// Opens the product page in a fresh context (empty storage: a first visit).
async function openShop({ gpc = false, lang = null, hostCss = '', viewport = { width: 1280, height: 800 }, reducedMotion = 'no-preference' } = {}) {
  const context = await suite.browser.newContext({ viewport, reducedMotion });
  const page = await context.newPage();
  const seen = watchPage(page);
  // Served from the page's origin, as the CSP (script-src 'self') allows no inline script.
  await page.route('**/__test__/axe.min.js', (route) => route.fulfill({ body: AXE_SOURCE, contentType: 'text/javascript' }));
  if (gpc) {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
  }
  if (lang) {
    await page.route('**/product/*', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
      await route.fulfill({ response, body });
    });
  }
  if (hostCss) {
    await page.route('**/shop/shop.css', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n${hostCss}` });
    });
  }
  const response = await page.goto(`${suite.collector.base}/product/8812`);
  assert.match(response.headers()['content-security-policy'], /style-src 'self'/, 'the demo\'s strict CSP applies');
  assert.equal(await page.evaluate(() => window.friction.ready), true, 'the SDK started');
  await page.locator(PRIVACY_BUTTON).waitFor();
  return { page, seen, done: () => context.close() };
}

// The dialog is built on first open; before that there is none, and so nothing open.
const panelOpen = (page) => page.evaluate(() => Boolean(document.querySelector('friction-consent-panel')?.shadowRoot.querySelector('dialog')?.open));
const waitForPanel = (page) => page.locator(`${PANEL}[open]`).waitFor();
const choiceButton = (page, name) => page.locator(`${PANEL} .choices button`, { hasText: name });

// What has focus, looking through shadow roots: its text or id, and whether it is in the panel.
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    let inPanel = element && element.localName === 'friction-consent-panel';
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    const label = element.getAttribute('aria-label') || (element.getAttribute('role') === 'region' ? 'region' : element.textContent.trim().slice(0, 40));
    return { tag: element.localName, label, id: element.id, inPanel };
  });
}

// The page's own layout: its height and the box of each element of <main>.
const pageLayout = (page) => page.evaluate(() => JSON.stringify([document.documentElement.scrollHeight,
  ...[...document.querySelectorAll('main > *')].map((element) => { const r = element.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })]));

const shot = (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

function assertQuiet(seen) {
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.console.filter((line) => line.startsWith('error')), []);
}

test('a first visit shows the panel: a styled modal dialog with three equal choices, no layout shift', async () => {
  const { page, seen, done } = await openShop();
  await waitForPanel(page);
  const dialog = await page.locator(PANEL).evaluate((element) => {
    const root = element.getRootNode();
    const text = (id) => root.getElementById(id)?.textContent ?? null;
    return {
      role: element.getAttribute('role'),
      modal: element.getAttribute('aria-modal'),
      title: text(element.getAttribute('aria-labelledby')),
      description: text(element.getAttribute('aria-describedby')),
      focusInside: root.activeElement !== null,
    };
  });
  assert.deepEqual(dialog, {
    role: 'dialog', modal: 'true', title: 'Help us fix what gets in your way',
    description: 'This site notices when a page gets in your way, for example a button that does nothing when you click it. If you agree, it sends us anonymous notes about that trouble.',
    focusInside: true,
  });
  const body = await page.locator(PANEL).innerText();
  for (const words of ['What is sent, if you agree', 'What never leaves your device', 'what you type', 'Why', 'What you gain'])
    assert.ok(body.includes(words), `the panel says "${words}"`);

  // Accept, Reject and Customise look alike: same colours, type, border and size.
  const looks = await page.locator(`${PANEL} .choices button`).evaluateAll((buttons) => buttons.map((button) => {
    const style = getComputedStyle(button);
    const box = button.getBoundingClientRect();
    return {
      text: button.textContent,
      look: [style.backgroundColor, style.color, style.fontSize, style.fontWeight, style.borderTopWidth, style.borderTopColor,
        Math.round(box.width), Math.round(box.height)].join(' '),
    };
  }));
  assert.deepEqual(looks.map((b) => b.text), ['Accept', 'Reject', 'Customise']);
  assert.equal(new Set(looks.map((b) => b.look)).size, 1, JSON.stringify(looks));
  assert.match(looks[0].look, /^rgb\(29, 59, 83\) rgb\(255, 255, 255\)/, 'styled under style-src \'self\' (constructed stylesheet)');
  assert.equal(await page.locator(PANEL).evaluate((element) => getComputedStyle(element).position), 'fixed');

  // The consent UI takes no room in the page: removing it moves nothing.
  // Page scripts carry on while the panel is open.
  await page.evaluate(() => document.getElementById('add-to-cart').click());
  assert.equal(await page.textContent('#cart-status'), 'Added to your cart.');
  const withUi = await pageLayout(page);
  await shot(page, 'panel-ask-en');
  await page.evaluate(() => document.querySelectorAll('friction-consent-panel, friction-privacy-button').forEach((element) => element.remove()));
  assert.equal(await pageLayout(page), withUi);
  assertQuiet(seen);
  await done();
});

test('laid out ahead of showing, the panel is hidden, out of reach and out of the flow, in the box it then shows in', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 640 }]) {
    const { page, seen, done } = await openShop({ viewport });
    await waitForPanel(page);
    await choiceButton(page, 'Reject').click();
    const before = await pageLayout(page);
    // The steps mount.js takes a task apart before showing it (consent_panel.js).
    const ahead = await page.evaluate(() => {
      const panel = document.querySelector('friction-consent-panel');
      panel.prepare({ view: 'ask' });
      panel.styleAhead();
      panel.layOutAhead();
      const dialog = panel.shadowRoot.querySelector('dialog');
      const box = dialog.getBoundingClientRect();
      // Its layout box (offset*: the opening animation's transform left out).
      const laidOutBox = [dialog.offsetLeft, dialog.offsetTop, dialog.offsetWidth, dialog.offsetHeight];
      panel.shadowRoot.querySelector('.choices button').focus();
      // What a visitor could reach: the point at the dialog's centre, and a focus attempt.
      const atCentre = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        open: dialog.open,
        visibility: getComputedStyle(dialog).visibility,
        position: getComputedStyle(dialog).position,
        laidOut: box.width > 0 && box.height > 0,
        focusInside: panel.shadowRoot.activeElement !== null,
        hitsPanel: atCentre === panel,
        box: laidOutBox,
      };
    });
    assert.deepEqual({ ...ahead, box: undefined }, {
      open: false, visibility: 'hidden', position: 'fixed', laidOut: true, focusInside: false, hitsPanel: false, box: undefined,
    }, JSON.stringify(viewport));
    assert.equal(await pageLayout(page), before, 'the page moved nothing');
    await page.evaluate(() => document.querySelector('friction-consent-panel').open({ view: 'ask' }));
    const shown = await page.locator(PANEL).evaluate((dialog) => ({
      visibility: getComputedStyle(dialog).visibility,
      box: [dialog.offsetLeft, dialog.offsetTop, dialog.offsetWidth, dialog.offsetHeight],
    }));
    assert.deepEqual(shown, { visibility: 'visible', box: ahead.box }, `shown where it was laid out (${JSON.stringify(viewport)})`);
    assertQuiet(seen);
    await done();
  }
});

test("the host page's CSS cannot hide or restyle the panel", async () => {
  // (The panel's text follows the root font size, rem, on purpose: users' text-size settings.)
  const hostCss = `* { color: red !important; font-family: serif !important; font-style: italic !important; }
    button, dialog, h2 { display: none !important; } body > * { margin: 5em !important; }`;
  const { page, seen, done } = await openShop({ hostCss });
  await waitForPanel(page);
  assert.equal(await choiceButton(page, 'Reject').isVisible(), true);
  const look = await choiceButton(page, 'Reject').evaluate((button) => {
    const style = getComputedStyle(button);
    return [style.color, style.fontStyle, style.fontFamily.includes('serif') && !style.fontFamily.includes('sans')].join(' ');
  });
  assert.equal(look, 'rgb(255, 255, 255) normal false');
  assert.equal(await page.locator(PRIVACY_BUTTON).isVisible(), true);
  await choiceButton(page, 'Reject').click();
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  assertQuiet(seen);
  await done();
});

test('Reject sets consent to none with a receipt, closes the panel and gives focus back', async () => {
  const { page, seen, done } = await openShop();
  await waitForPanel(page);
  await choiceButton(page, 'Reject').click();
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  assert.equal(await page.evaluate(() => window.friction.consent.receipt().level), 'none');
  assert.equal((await focused(page)).tag, 'body', 'focus is where it was before the panel opened');
  assert.equal(await page.evaluate(() => window.friction.consent.shouldAsk()), false, 'not asked again on the next page');

  // Reopened from the Privacy button: focus comes back to the button.
  await page.locator(PRIVACY_BUTTON).click();
  await waitForPanel(page);
  assert.match(await page.locator(PANEL).innerText(), /You refused on .*Nothing is sent\./);
  await choiceButton(page, 'Reject').click();
  assert.deepEqual(await focused(page), { tag: 'button', label: 'Privacy', id: '', inPanel: false });
  assertQuiet(seen);
  await done();
});

test('Accept sets consent to signals; reopening to look and closing keeps the choice', async () => {
  const { page, seen, done } = await openShop();
  await waitForPanel(page);
  await choiceButton(page, 'Accept').click();
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'signals');
  assert.equal(await page.evaluate(() => window.friction.consent.receipt().level), 'signals');

  await page.locator(PRIVACY_BUTTON).click();
  await waitForPanel(page);
  assert.equal(await page.locator(`${PANEL} .close`).getAttribute('aria-label'), 'Close');
  await page.keyboard.press('Escape');
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'signals', 'looking is not withdrawing');
  assertQuiet(seen);
  await done();
});

test('keyboard only: Tab order, focus trapped in the panel, Enter and Space, Customise starts off', async () => {
  const { page, seen, done } = await openShop();
  await waitForPanel(page);
  const order = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert.ok(now.inPanel, `Tab ${i + 1} stays in the panel`);
    order.push(now.label);
  }
  // The explanation is a focusable region so that it can be scrolled from the keyboard.
  assert.deepEqual(order, ['Close (same as Reject)', 'region', 'Accept', 'Reject', 'Customise', 'What was sent', 'Close (same as Reject)']);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).label, 'What was sent', 'Shift+Tab wraps backwards');
  // The focus ring is visible.
  const ring = await page.locator(`${PANEL} .more button`).evaluate((button) => getComputedStyle(button).outlineStyle);
  assert.equal(ring, 'solid');
  await shot(page, 'panel-focus-visible');

  // Customise with Enter: the only purpose is off, nothing pre-ticked.
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).label, 'Customise');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`${PANEL} h2`).textContent(), 'Choose what you allow');
  const toggle = page.locator(`${PANEL} input[role="switch"]`);
  assert.equal(await toggle.isChecked(), false);
  await shot(page, 'panel-customise');
  await page.keyboard.press('Tab'); // close
  await page.keyboard.press('Tab'); // the region
  await page.keyboard.press('Tab'); // the switch
  assert.equal((await focused(page)).id, 'friction-purpose-signals');
  await page.keyboard.press('Space');
  assert.equal(await toggle.isChecked(), true);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).label, 'Save my choices');
  await page.keyboard.press('Space');
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'signals');

  // Reach the Privacy button from the page with Tab (it is the last stop), open it with Enter.
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(page), { tag: 'button', label: 'Privacy', id: '', inPanel: false });
  await page.keyboard.press('Enter');
  await waitForPanel(page);
  assert.ok((await focused(page)).inPanel, 'focus moved into the panel');
  assertQuiet(seen);
  await done();
});

test('Esc on the first visit is a refusal, and so is the close button', async () => {
  const { page, seen, done } = await openShop();
  await waitForPanel(page);
  await page.keyboard.press('Escape');
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.receipt().level), 'none');
  await done();

  const second = await openShop();
  await waitForPanel(second.page);
  await second.page.locator(`${PANEL} .close`).click();
  assert.equal(await panelOpen(second.page), false);
  assert.equal(await second.page.evaluate(() => window.friction.consent.receipt().level), 'none');
  assertQuiet(seen);
  assertQuiet(second.seen);
  await second.done();
});

test('the panel speaks French on a page in French', async () => {
  const { page, seen, done } = await openShop({ lang: 'fr' });
  await waitForPanel(page);
  assert.equal(await page.locator(`${PANEL} h2`).textContent(), 'Aidez-nous à corriger ce qui vous gêne');
  assert.deepEqual(await page.locator(`${PANEL} .choices button`).allTextContents(), ['Accepter', 'Refuser', 'Personnaliser']);
  assert.equal(await page.locator(`${PANEL} .close`).getAttribute('aria-label'), 'Fermer (revient à refuser)');
  assert.equal(await page.locator(PRIVACY_BUTTON).textContent(), 'Confidentialité');
  await shot(page, 'panel-ask-fr');
  await choiceButton(page, 'Refuser').click();
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  assertQuiet(seen);
  await done();
});

test('with Global Privacy Control the panel does not open by itself, but the Privacy button opens it', async () => {
  const { page, seen, done } = await openShop({ gpc: true });
  await page.waitForTimeout(300); // time enough for an auto-open to have happened
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.shouldAsk()), false);
  await shot(page, 'privacy-button');
  await page.locator(PRIVACY_BUTTON).focus();
  await page.keyboard.press('Enter');
  await waitForPanel(page);
  assert.match(await page.locator(PANEL).innerText(), /Global Privacy Control/);
  await shot(page, 'panel-gpc');
  await page.keyboard.press('Escape');
  assert.equal(await panelOpen(page), false);
  assert.equal(await page.evaluate(() => window.friction.consent.get()), 'none');
  assert.deepEqual(await focused(page), { tag: 'button', label: 'Privacy', id: '', inPanel: false });
  assertQuiet(seen);
  await done();
});

test('"What was sent" lists each sent batch in words, and withdrawing wipes it', async () => {
  const { page, seen, done } = await openShop();
  await waitForPanel(page);
  await choiceButton(page, 'Accept').click();
  await clickRepeatedly(page, '#apply-coupon', 4, 150);
  const response = page.waitForResponse((r) => r.url().endsWith('/v1/signals'));
  await page.evaluate(() => window.friction.flush());
  assert.equal((await response).status(), 202);
  await page.waitForFunction(() => window.friction.ledger().length === 1);
  const [batch] = await page.evaluate(() => window.friction.ledger());

  await page.locator(PRIVACY_BUTTON).click();
  await waitForPanel(page);
  await page.locator(`${PANEL} .more button`).click();
  assert.equal(await page.locator(`${PANEL} h2`).textContent(), 'What was sent');
  const receipt = await page.locator(PANEL).innerText();
  assert.match(receipt, /Rage click on a button, page \/product\/:id, 4 clicks, between 0 and 10 s after the page opened\./);
  assert.ok(receipt.includes(`${batch.bytes} bytes (compressed)`), receipt);
  // The device class the batch carried, in words, as the viewport is.
  const width = await page.evaluate(() => window.innerWidth);
  const widthWords = width < 600 ? 'narrow (under 600 px)' : width < 1024 ? 'medium (600 to 1023 px)' : 'wide (1024 px or more)';
  assert.ok(receipt.includes(`Device sent with these: mouse, ${widthWords} screen.`), receipt);
  assert.ok(receipt.includes('What stayed on this device') && receipt.includes('what you type'));
  await page.locator(`${PANEL} summary`).click();
  assert.deepEqual(JSON.parse(await page.locator(`${PANEL} pre`).textContent()), JSON.parse(batch.json)); // the whole batch as it left
  await shot(page, 'panel-receipt');

  await choiceButton(page, 'Reject').click();
  assert.deepEqual(await page.evaluate(() => window.friction.ledger()), [], 'withdrawal wipes the ledger');
  await page.locator(PRIVACY_BUTTON).click();
  await page.locator(`${PANEL} .more button`).click();
  assert.match(await page.locator(PANEL).innerText(), /Nothing has been sent from this browser\./);
  assertQuiet(seen);
  await done();
});

test('axe-core finds no accessibility violation in any view, shadow DOM included', async () => {
  const { page, done } = await openShop();
  await waitForPanel(page);
  await page.addScriptTag({ url: '/__test__/axe.min.js' });
  const audit = async (view) => {
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${view} view`);
  };
  await audit('ask');
  await choiceButton(page, 'Customise').click();
  await audit('customise');
  await page.locator(`${PANEL} .more button`).click();
  await audit('receipt');
  await done();
});

test('on a phone, with reduced motion, the panel fits the screen and does not animate', async () => {
  const { page, seen, done } = await openShop({ viewport: { width: 375, height: 740 }, reducedMotion: 'reduce' });
  await waitForPanel(page);
  const box = await page.locator(PANEL).boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 375, `fits the width: ${JSON.stringify(box)}`);
  assert.equal(await page.locator(PANEL).evaluate((dialog) => getComputedStyle(dialog).animationName), 'none');
  await shot(page, 'panel-ask-phone');
  assertQuiet(seen);
  await done();

  const moving = await openShop();
  await waitForPanel(moving.page);
  assert.equal(await moving.page.locator(PANEL).evaluate((dialog) => getComputedStyle(dialog).animationName), 'friction-panel-in');
  await moving.done();
});

test('en and fr have the same keys; the language comes from the option, then <html lang>, then the browser', async () => {
  const { default: en } = await import('../../js/src/i18n/en.js');
  const { default: fr } = await import('../../js/src/i18n/fr.js');
  const shape = (value) => (typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
    : typeof value);
  assert.deepEqual(shape(fr), shape(en));
  const { default: enHelp } = await import('../../js/src/i18n/en_help.js');
  const { default: frHelp } = await import('../../js/src/i18n/fr_help.js');
  assert.deepEqual(shape(frHelp), shape(enHelp), 'the help widget\'s texts too');

  const { pickLanguage } = await import('../../js/src/i18n/language.js');
  const pick = (explicit, htmlLang, browser) => {
    globalThis.document = { documentElement: { lang: htmlLang } };
    Object.defineProperty(globalThis, 'navigator', { value: { language: browser }, configurable: true });
    return pickLanguage(explicit);
  };
  assert.equal(pick('fr', 'en', 'en-US'), 'fr');
  assert.equal(pick(undefined, 'fr-CA', 'en-US'), 'fr');
  assert.equal(pick('', '', 'fr-FR'), 'fr');
  assert.equal(pick(undefined, 'de', 'fr-FR'), 'en', 'a German page gets English, not the browser\'s French');
  assert.equal(pick(undefined, '', ''), 'en');
});

test('a new policy revision asks again; a refusal is not asked again for six months', async () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  // The visitor's stored receipt, then a page of the site at `revision`.
  async function visit(receipt, revision = '1') {
    const context = await suite.browser.newContext();
    if (revision !== '1') await withScriptSettings(context, { 'data-consent-revision': revision });
    await context.addInitScript((stored) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('friction:consent', JSON.stringify(stored));
      sessionStorage.setItem('seeded', '1');
    }, receipt);
    const page = await context.newPage();
    await page.goto(`${suite.collector.base}/product/8812`);
    assert.equal(await page.evaluate(() => window.friction.ready), true);
    await page.locator(PRIVACY_BUTTON).waitFor();
    await page.waitForTimeout(300); // the panel opens right after ready, if it is going to
    const state = { asked: await panelOpen(page), level: await page.evaluate(() => window.friction.consent.get()) };
    await context.close();
    return state;
  }
  const accepted = { id: 'a', revision: '1', level: 'signals', at: Date.now() - DAY_MS, lang: 'en', gpc: false };
  assert.deepEqual(await visit(accepted), { asked: false, level: 'signals' });
  // Revision 2 of the policy: the earlier yes no longer holds, and the visitor is asked again.
  assert.deepEqual(await visit(accepted, '2'), { asked: true, level: 'none' });

  const refusedRecently = { ...accepted, level: 'none', at: Date.now() - 30 * DAY_MS };
  assert.deepEqual(await visit(refusedRecently), { asked: false, level: 'none' });
  const refusedLongAgo = { ...refusedRecently, at: Date.now() - 190 * DAY_MS };
  assert.deepEqual(await visit(refusedLongAgo), { asked: true, level: 'none' });
});
