// Every language's texts at once, the panel's with the help widget's under `help`, for tests and
// tools. The SDK itself never imports this file: it loads the texts it needs as chunks
// (js/src/chunks.js).
import en from './en.js';
import enHelp from './en_help.js';
import fr from './fr.js';
import frHelp from './fr_help.js';

export const LANGUAGES = Object.freeze({ en: { ...en, help: enHelp }, fr: { ...fr, help: frHelp } });
