// Every language's texts at once, for tests and tools. The SDK itself never imports this file:
// it loads one language's texts as a chunk (js/src/chunks.js).
import en from './en.js';
import fr from './fr.js';

export const LANGUAGES = Object.freeze({ en, fr });
