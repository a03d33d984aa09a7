// Which language the SDK speaks on this page, decided before any of its texts load: the texts
// themselves (en.js, fr.js) come as chunks of their own, only for the language in use.

// Every language with a full file of texts. tests/node check this against i18n/index.js.
export const LANGUAGE_TAGS = Object.freeze(['en', 'fr']);

// The one text shown before any chunk loads, so that a visitor who already answered downloads
// no panel texts at all: the Privacy button's label.
export const PRIVACY_BUTTON_LABELS = Object.freeze({ en: 'Privacy', fr: 'Confidentialité' });

// 'fr-CA' -> 'fr'; '' or undefined -> ''.
const primaryTag = (tag) => String(tag || '').trim().toLowerCase().split(/[-_]/)[0];

// The first language given decides: the site's explicit option, else the page's <html lang>
// (the panel should speak like the page around it), else the browser's. An unsupported
// language is not skipped in favour of the next source: a German page gets English, not the
// browser's French.
export function pickLanguage(explicit) {
  const sources = [explicit, document.documentElement.lang, navigator.language];
  const given = sources.map(primaryTag).find(Boolean);
  return given && LANGUAGE_TAGS.includes(given) ? given : 'en';
}
