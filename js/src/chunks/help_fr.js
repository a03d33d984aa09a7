// Chunk: the help widget with its French texts (help/mount.js).
export { createHelpWidget } from '../help/widget_on_page.js';
export { default as text } from '../i18n/fr_help.js';
