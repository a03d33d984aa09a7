// The help widget's texts in every language, bundled with friction.js (help/mount.js says why):
// about 1.3 KB brotli each. Every language in LANGUAGE_TAGS (i18n/language.js) has an entry;
// tests/node check it.
import en from '../i18n/en_help.js';
import fr from '../i18n/fr_help.js';

export const HELP_TEXTS = Object.freeze({ en, fr });
