// The consent panel's language and the small helpers its texts need (placeholders, plurals,
// dates). Only languages with a full file here are offered; anything else falls back to English.
import en from './en.js';
import fr from './fr.js';

const TEXTS = { en, fr };
// Every language the panel and the widget speak, by tag.
export const LANGUAGES = Object.freeze({ ...TEXTS });

// 'fr-CA' -> 'fr'; '' or undefined -> ''.
const primaryTag = (tag) => String(tag || '').trim().toLowerCase().split(/[-_]/)[0];

// The first language given decides: the site's explicit option, else the page's <html lang>
// (the panel should speak like the page around it), else the browser's. An unsupported
// language is not skipped in favour of the next source: a German page gets English, not the
// browser's French.
export function pickLanguage(explicit) {
  const sources = [explicit, document.documentElement.lang, navigator.language];
  const given = sources.map(primaryTag).find(Boolean);
  return given && TEXTS[given] ? given : 'en';
}

export function textsFor(lang) {
  return TEXTS[lang] || en;
}

// 'You accepted on {date}.' + { date: '3 May' } -> 'You accepted on 3 May.'
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// { one: '{n} click', other: '{n} clicks' } + 4 -> '4 clicks', with the language's own rules
// (French says "0 clic" and "1,5 octet" in the singular).
export function plural(lang, forms, n) {
  let category = 'other';
  try {
    category = new Intl.PluralRules(lang).select(n);
  } catch {
    category = n === 1 ? 'one' : 'other';
  }
  const number = new Intl.NumberFormat(lang).format(n);
  return fill(forms[category] || forms.other, { n: number });
}

export function formatDateTime(lang, epochMs) {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(epochMs));
  } catch {
    return new Date(epochMs).toISOString();
  }
}
