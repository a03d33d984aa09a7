// Puts the consent UI on the page: the Privacy button always, the panel when the SDK should ask
// or the button is pressed. The panel and its texts load only then (chunks.js): a visitor who
// already answered downloads neither. The button waits for an idle moment: nothing of it is
// needed while the page itself starts. Whatever fails here is logged and swallowed: the host
// page must never break because of it.
import { loadChunk, loadTexts } from '../chunks.js';
import { whenIdle, yieldToPage } from '../idle.js';
import { pickLanguage, PRIVACY_BUTTON_LABELS } from '../i18n/language.js';
import { guarded, log } from '../log.js';
import { BUTTON_TAG, PrivacyButton } from './privacy_button.js';

const PANEL_FAILED = 'could not show the consent panel; consent stays as stored.';

function whenBodyExists(callback) {
  if (document.body) callback();
  else document.addEventListener('DOMContentLoaded', callback, { once: true });
}

const MOUNTED = Symbol.for('friction.consentUi');

// lang: 'en' or 'fr' (else <html lang>, then the browser's language). autoOpen: false lets a
// site open the panel itself, with the returned open(view). The panel only asks once the SDK
// runs (api.ready is true): a site where it cannot run has nothing to ask about.
export function mountConsentUi(api, { lang, autoOpen = true } = {}) {
  const controls = { open: () => {} };
  try {
    if (!window.customElements || !document.documentElement.attachShadow) {
      log.warn('this browser lacks custom elements or Shadow DOM: no consent panel, and consent stays as stored.');
      return controls;
    }
    // One consent UI a page, whichever copy of the SDK comes first (a script tag and a module,
    // or init() twice): a page-wide mark, since the Privacy button itself comes at idle time.
    if (window[MOUNTED]) return controls;
    window[MOUNTED] = true;
    const language = pickLanguage(lang);
    let panel = null; // a promise of the panel, from its first opening on
    const panelOnPage = () => {
      if (!panel) {
        panel = Promise.all([loadChunk('panel'), loadTexts(language)])
          .then(([chunk, text]) => chunk.createConsentPanel(api, text, language));
        panel.catch(() => { panel = null; }); // told by the caller; the next press tries again
      }
      return panel;
    };
    const open = (options) => {
      // Made (its styles parsed), built with its view, styled, laid out and shown: a task each.
      whenBodyExists(() => panelOnPage()
        .then(async (shown) => {
          await yieldToPage();
          shown.prepare(options);
          await yieldToPage();
          shown.styleAhead();
          await yieldToPage();
          shown.layOutAhead();
          await yieldToPage();
          shown.open(options);
        })
        .catch((error) => log.error(PANEL_FAILED, error)));
    };
    controls.open = guarded((view) => open({ view }), 'consent panel');

    whenBodyExists(guarded(() => {
      whenIdle(guarded(() => {
        // Another copy of the SDK (script tag and module both) may have defined it already.
        if (!customElements.get(BUTTON_TAG)) customElements.define(BUTTON_TAG, PrivacyButton);
        const button = document.createElement(BUTTON_TAG);
        button.configure(PRIVACY_BUTTON_LABELS[language], language, () => open());
        document.body.append(button);
      }, 'privacy button'));
      if (!autoOpen) return;
      Promise.resolve(api.ready).then(guarded((running) => {
        if (running && api.consent.shouldAsk()) open({ asking: true });
      }, 'consent panel'));
    }, 'consent panel'));
  } catch (error) {
    log.error(PANEL_FAILED, error);
  }
  return controls;
}
