// <friction-consent-panel>: the end user's consent dialog and data receipt.
// Shadow DOM keeps the host page's CSS out and ours in. A native modal <dialog> puts it in the
// top layer (above any z-index, position fixed, so no layout shift), makes the rest of the page
// inert for assistive technology while it asks, and gives Esc for free. Page scripts keep
// running: nothing here waits or blocks.
import { guarded } from '../log.js';
import { askView, customiseView, DESCRIPTION_ID, SIGNALS_SWITCH_ID } from './choice_views.js';
import { adoptStyles, deepActiveElement, h } from './dom.js';
import { PANEL_CSS } from './panel_styles.js';
import { receiptView } from './receipt_view.js';

export { PANEL_TAG } from '../own_elements.js';

const TITLE_ID = 'friction-panel-title';
const VIEWS = { ask: askView, customise: customiseView, receipt: receiptView };
const FOCUSABLE = 'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

export class ConsentPanel extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    adoptStyles(this.shadowRoot, PANEL_CSS);
    this.api = null;
    this.dialog = null;
    this.closeRefuses = false; // set on each open: is dismissing a refusal this time?
    this.prepared = null; // the view rendered ahead of open(), if any
    this.pending = false; // open, and not yet settled by a choice or a dismissal
    this.returnFocusTo = null;
    this.guard = (fn) => guarded(fn, 'consent panel');
  }

  connectedCallback() {
    // The SDK must not read clicks on its own consent panel as friction.
    this.setAttribute('data-friction-ignore', '');
  }

  // Called once by mountConsentUi: the SDK's API and the texts in the chosen language.
  configure(api, text, lang) {
    this.api = api;
    this.text = text;
    this.lang = lang;
  }

  get isOpen() {
    return Boolean(this.dialog && this.dialog.open);
  }

  // view: 'ask' | 'customise' | 'receipt'. asking: opened by the site to ask (first visit,
  // new policy revision, six months after a refusal), rather than by the user.
  open({ view = 'ask', asking = false } = {}) {
    if (!this.api || !this.isConnected) return;
    if (this.prepared !== view || this.isOpen) this.prepare({ view });
    this.prepared = null;
    this.settleCloseMeaning(asking);
    if (!this.dialog.open) {
      this.returnFocusTo = deepActiveElement();
      this.dialog.classList.remove('ahead');
      this.dialog.showModal();
      this.pending = true;
    }
    this.dialog.focus(); // screen readers then read its name and description
  }

  // The dialog built and `view` rendered in it: mount.js does this a task before open(), so that
  // making the elements and showing them (style, layout) are two short tasks, not one long one.
  prepare({ view = 'ask' } = {}) {
    if (!this.api || !this.isConnected) return;
    if (!this.dialog) this.build();
    this.render(view);
    this.prepared = view;
  }

  // A closed dialog has no boxes, so showModal() would style and lay out the whole panel in the
  // task that shows it: 8-13 ms of CPU on a cold first visit, its text shaped for the first time
  // (tests/bench/peers/script_eval_no_devtools.mjs). mount.js calls these a task apart between
  // prepare() and open(): the panel styled, then laid out, hidden and out of the page's flow
  // (panel_styles.js, .ahead: no layout shift, nothing focusable), so that showing it has little
  // left to do.
  styleAhead() {
    if (!this.dialog || this.isOpen) return '';
    this.dialog.classList.add('ahead');
    return getComputedStyle(this.dialog).visibility; // read: the style computed, no layout
  }

  layOutAhead() {
    return this.dialog && !this.isOpen ? this.dialog.getBoundingClientRect() : null;
  }

  // Closing without choosing is a refusal whenever the panel is asking, or no choice is on
  // record. A user who chose before and reopens the panel to look keeps their choice.
  settleCloseMeaning(asking) {
    this.closeRefuses = asking || !this.api.consent.receipt() || this.api.consent.shouldAsk();
    this.closeButton.setAttribute('aria-label', this.closeRefuses ? this.text.closeRefuses : this.text.close);
  }

  build() {
    this.heading = h('h2', { id: TITLE_ID, tabindex: '-1' });
    this.closeButton = h('button', { type: 'button', class: 'close', onclick: this.guard(() => this.dismiss()) },
      h('span', { 'aria-hidden': 'true' }, '×'));
    // Focusable so that keyboard users can scroll it when the explanation is long.
    this.viewBody = h('div', { class: 'body', role: 'region', tabindex: '0', 'aria-labelledby': TITLE_ID });
    this.choices = h('div', { class: 'choices' });
    this.more = h('p', { class: 'more' });
    this.dialog = h('dialog', {
      role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': TITLE_ID, 'aria-describedby': DESCRIPTION_ID,
      tabindex: '-1', lang: this.lang,
    }, h('div', { class: 'head' }, this.heading, this.closeButton), this.viewBody, this.choices, this.more);
    this.dialog.addEventListener('keydown', this.guard((event) => this.keepFocusInside(event)));
    // Esc: the browser fires 'cancel'. We settle it ourselves, as a dismissal.
    this.dialog.addEventListener('cancel', this.guard((event) => {
      event.preventDefault();
      this.dismiss();
    }));
    // A 'close' we did not ask for (the browser may refuse to let 'cancel' be stopped, e.g. a
    // second Esc without a click in between) is a dismissal too.
    this.dialog.addEventListener('close', this.guard(() => {
      if (!this.pending) return;
      if (this.closeRefuses) this.api.consent.set('none');
      this.settle();
    }));
    this.shadowRoot.append(this.dialog);
  }

  // A view change within the open panel: focus moves to the new title.
  show(name) {
    this.render(name);
    this.heading.focus();
  }

  render(name) {
    const view = (VIEWS[name] || askView)(this.api, this.text, this.lang);
    this.heading.textContent = view.title;
    this.viewBody.replaceChildren(...view.body.flat().filter(Boolean));
    this.dialog.classList.toggle('wide', Boolean(view.wide));
    this.renderChoices(name);
    this.renderMore(name);
    // A closed dialog has no boxes, so nothing to scroll back (and asking would lay it out).
    if (this.isOpen) this.viewBody.scrollTop = 0;
  }

  // Accept, Reject and Customise (Save, once customising): the same element and style each,
  // in every view, so refusing is never harder to find than accepting.
  renderChoices(view) {
    const t = this.text;
    const choice = (label, action) => h('button', { type: 'button', class: 'choice', onclick: this.guard(action) }, label);
    this.choices.replaceChildren(
      choice(t.accept, () => this.choose('signals')),
      choice(t.reject, () => this.choose('none')),
      view === 'customise'
        ? choice(t.save, () => this.choose(this.signalsSwitchOn() ? 'signals' : 'none'))
        : choice(t.customise, () => this.show('customise')));
  }

  renderMore(view) {
    const back = view === 'receipt';
    this.more.replaceChildren(h('button', {
      type: 'button', class: 'link', onclick: this.guard(() => this.show(back ? 'ask' : 'receipt')),
    }, back ? this.text.back : this.text.openReceipt));
  }

  signalsSwitchOn() {
    const toggle = this.shadowRoot.getElementById(SIGNALS_SWITCH_ID);
    return Boolean(toggle && toggle.checked);
  }

  choose(level) {
    this.api.consent.set(level); // only 'none' or 'signals' here, which the SDK always takes
    this.close();
  }

  dismiss() {
    if (this.closeRefuses) this.choose('none');
    else this.close();
  }

  close() {
    if (!this.dialog || !this.dialog.open) return;
    this.dialog.close();
    this.settle();
  }

  // Focus goes back where it was before the panel opened (e.g. the Privacy button).
  settle() {
    this.pending = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target && target !== document.body && target.isConnected && typeof target.focus === 'function') target.focus();
  }

  // Tab and Shift+Tab cycle through the dialog's controls and never leave it while it is open.
  keepFocusInside(event) {
    if (event.key !== 'Tab') return;
    const stops = [...this.dialog.querySelectorAll(FOCUSABLE)]
      .filter((element) => !element.disabled && element.getClientRects().length > 0);
    if (!stops.length) return;
    const first = stops[0];
    const last = stops[stops.length - 1];
    const active = this.shadowRoot.activeElement;
    const onAStop = stops.includes(active);
    if (event.shiftKey && (active === first || !onAStop)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !onAStop)) {
      event.preventDefault();
      first.focus();
    }
  }
}
