// Chunk: the English texts (chunks.js loadTexts).
export { default } from '../i18n/en.js';
