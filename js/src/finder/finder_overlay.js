// <friction-finder>: outlines the elements an "open on the page" link asked for, with their role
// and their own label (read here, from the page, for whoever opened the link), and a bar that
// says what was found. Positions follow scrolling and resizing on animation frames; the
// outlines are fixed boxes over the page, so the page's layout never changes.
import { plural } from '../i18n/format.js';
import { adoptStyles, h } from '../panel/dom.js';
import { labelOf, roleOf } from '../targets.js';
import { FINDER_CSS } from './finder_styles.js';

export { FINDER_TAG } from '../own_elements.js';

export class FinderOverlay extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.root, FINDER_CSS);
    this.status = h('p', { role: 'status' });
    this.bar = h('div', { class: 'bar', 'data-friction-ignore': true }, this.status);
    this.root.append(this.bar);
    this.outlines = []; // [{ element, box }]
    this.frame = 0;
    this.follow = () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => this.place());
    };
  }

  configure({ text, lang, kindWord, onClose }) {
    this.text = text;
    this.lang = lang;
    this.kindWord = kindWord;
    const close = h('button', { type: 'button', onclick: onClose }, text.close);
    this.bar.append(close);
  }

  connectedCallback() {
    this.setAttribute('data-friction-ignore', '');
    window.addEventListener('scroll', this.follow, { passive: true, capture: true });
    window.addEventListener('resize', this.follow, { passive: true });
  }

  disconnectedCallback() {
    window.removeEventListener('scroll', this.follow, { capture: true });
    window.removeEventListener('resize', this.follow);
    cancelAnimationFrame(this.frame);
  }

  show(elements) {
    for (const { box } of this.outlines) box.remove();
    this.outlines = elements.map((element) => {
      const label = labelOf(element);
      const words = [roleOf(element), label ? `“${label}”` : '', this.kindWord].filter(Boolean).join(' · ');
      const box = h('div', { class: 'outline' }, h('span', { class: 'tag' }, words));
      this.root.append(box);
      return { element, box };
    });
    if (elements.length === 0) this.say(this.text.none);
    else this.say(plural(this.lang, this.text.found, elements.length));
    this.place();
    // Brought into view once; a later look (the page changed) leaves the scroll alone.
    if (!this.scrolled && elements[0] && typeof elements[0].scrollIntoView === 'function') {
      this.scrolled = true;
      elements[0].scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }

  say(line) {
    this.status.replaceChildren(line, h('small', {}, this.text.privacy));
  }

  place() {
    this.frame = 0;
    for (const { element, box } of this.outlines) {
      const rect = element.isConnected ? element.getBoundingClientRect() : null;
      box.hidden = !rect || (rect.width === 0 && rect.height === 0);
      if (box.hidden) continue;
      // The CSSOM, not a style attribute: a CSP of style-src 'self' allows it.
      box.style.left = `${rect.left}px`;
      box.style.top = `${rect.top}px`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
    }
  }
}
