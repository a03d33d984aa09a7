// Chunk: the consent panel, loaded the first time it opens (chunks.js).
import { ConsentPanel, PANEL_TAG } from '../panel/consent_panel.js';

// Puts the panel on the page, closed, and returns it; `text`: the language's texts.
export function createConsentPanel(api, text, lang) {
  // Another copy of the SDK (script tag and module both) may have defined it already.
  if (!customElements.get(PANEL_TAG)) customElements.define(PANEL_TAG, ConsentPanel);
  const panel = document.createElement(PANEL_TAG);
  panel.configure(api, text, lang);
  document.body.append(panel);
  return panel;
}
