// <friction-privacy-button>: a small "Privacy" control, always there in a corner, that reopens
// the consent panel, so that changing one's mind is as easy as the first choice. Fixed
// position in its own shadow root: it takes no room in the page and the page's CSS can't touch it.
import { guarded } from '../log.js';
import { adoptStyles, h } from './dom.js';

export { BUTTON_TAG } from '../own_elements.js';

// White with the panel's blue (11:1), focus ring #0a58ca (6:1 on white). Bottom left: the
// bottom right corner is where shops usually put their chat.
const BUTTON_CSS = `
:host { all: initial !important; }
button {
  position: fixed; left: 1rem; bottom: 1rem; z-index: 2147483000; margin: 0; padding: .45em .9em;
  border: 2px solid #1d3b53; border-radius: 999px; background: #fff; color: #1d3b53; cursor: pointer;
  font: 600 max(.875rem, 14px)/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .25);
}
button:hover { background: #eef2f6; }
button:focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
@media print { button { display: none; } }
`;

export class PrivacyButton extends HTMLElement {
  constructor() {
    super();
    // delegatesFocus: focusing the host (e.g. to give focus back) focuses the button inside.
    this.attachShadow({ mode: 'open', delegatesFocus: true });
    adoptStyles(this.shadowRoot, BUTTON_CSS);
  }

  connectedCallback() {
    this.setAttribute('data-friction-ignore', '');
  }

  // label: the text in the page's language; onPress: opens the panel.
  configure(label, lang, onPress) {
    this.shadowRoot.querySelector('button')?.remove();
    this.shadowRoot.append(h('button', {
      type: 'button', lang, 'aria-haspopup': 'dialog', onclick: guarded(onPress, 'privacy button'),
    }, label));
  }
}
