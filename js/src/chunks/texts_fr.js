// Chunk: the French texts (chunks.js loadTexts).
export { default } from '../i18n/fr.js';
