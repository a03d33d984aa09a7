// Puts the consent UI on the page: the Privacy button always, the panel when the SDK should ask.
// Whatever fails here is logged and swallowed: the host page must never break because of it.
import { pickLanguage, textsFor } from '../i18n/index.js';
import { guarded, log } from '../log.js';
import { ConsentPanel, PANEL_TAG } from './consent_panel.js';
import { BUTTON_TAG, PrivacyButton } from './privacy_button.js';

function defineOnce(tag, element) {
  // Another copy of the SDK (script tag and module both) may have defined it already.
  if (!customElements.get(tag)) customElements.define(tag, element);
}

function whenBodyExists(callback) {
  if (document.body) callback();
  else document.addEventListener('DOMContentLoaded', callback, { once: true });
}

// lang: 'en' or 'fr' (else <html lang>, then the browser's language). autoOpen: false lets a
// site open the panel itself, with the returned open(). The panel only asks once the SDK runs
// (api.ready is true): a site where it cannot run has nothing to ask about.
export function mountConsentUi(api, { lang, autoOpen = true } = {}) {
  const controls = { open: () => {} };
  try {
    if (!window.customElements || !document.documentElement.attachShadow) {
      log.warn('this browser lacks custom elements or Shadow DOM: no consent panel, and consent stays as stored.');
      return controls;
    }
    if (document.querySelector(PANEL_TAG)) return controls; // mounted already
    defineOnce(PANEL_TAG, ConsentPanel);
    defineOnce(BUTTON_TAG, PrivacyButton);
    const language = pickLanguage(lang);
    const text = textsFor(language);
    const panel = document.createElement(PANEL_TAG);
    panel.configure(api, text, language);
    const button = document.createElement(BUTTON_TAG);
    button.configure(text.privacyButton, language, () => panel.open());
    controls.open = guarded((view) => panel.open({ view }), 'consent panel');

    whenBodyExists(guarded(() => {
      document.body.append(button, panel);
      if (!autoOpen) return;
      Promise.resolve(api.ready).then(guarded((running) => {
        if (running && api.consent.shouldAsk()) panel.open({ asking: true });
      }, 'consent panel'));
    }, 'consent panel'));
  } catch (error) {
    log.error('could not show the consent panel; consent stays as stored.', error);
  }
  return controls;
}
