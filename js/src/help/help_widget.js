// The default help widget, <friction-help>: what a visitor sees when the core decides they are
// stuck (unless the site renders help itself, help-ui="off"). It is not modal and never takes
// focus. It appears in the corner of the viewport farthest from the element in trouble,
// announces itself in a polite live region and says why it appeared. It offers what the site
// registered for that place (help/help_content.js) and, when the site offers one, a person.
// "No thanks" is heard by the core: no new offer on that step for a while.
// What the visitor does with an offer is told to the core (help events, decide/help_outcomes.h):
// "opened" when they use one of its actions (a link, the site's action, a person), and, when
// they close help they had opened, one optional question, "Did this solve it?", asked at most
// once per tab session (the core decides; it asks only where the answer is kept). Closing the
// question, or Escape, answers nothing.
import { fill } from '../i18n/format.js';
import { adoptStyles, deepActiveElement, h } from '../panel/dom.js';
import { guarded, log } from '../log.js';
import { HELP_CSS } from './help_styles.js';
import { helpWhy } from './help_why.js';

export { HELP_TAG } from '../own_elements.js';

// The corner farthest from the element (its rect in viewport coordinates): the opposite half,
// vertically and horizontally. Without an element, bottom right, where help usually sits.
export function cornerAwayFrom(rect, viewportWidth, viewportHeight) {
  if (!rect || (rect.width === 0 && rect.height === 0)) return { vertical: 'bottom', horizontal: 'right' };
  const centerX = rect.left + rect.width / 2;
  const centerY = rect.top + rect.height / 2;
  return {
    vertical: centerY > viewportHeight / 2 ? 'top' : 'bottom',
    horizontal: centerX > viewportWidth / 2 ? 'left' : 'right',
  };
}

export class HelpWidget extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.root, HELP_CSS);
    // What a screen reader says, politely: a short line per change, in a live region that
    // exists before anything is said in it. The box with its controls is not read out whole.
    this.announcer = h('div', { role: 'status', 'aria-live': 'polite', class: 'announce' });
    this.box = h('section', { class: 'box', hidden: true });
    this.root.append(this.announcer, this.box);
    this.element = null;
    this.sequence = 0;        // bumped by each new screen: answers to an older one are stale
    this.returnFocus = null;  // where focus was before the visitor entered the box
    this.box.addEventListener('focusin', (event) => {
      if (!this.returnFocus && event.relatedTarget && !this.root.contains(event.relatedTarget)) this.returnFocus = event.relatedTarget;
    });
    this.follow = guarded(() => this.place(), 'help widget');
    this.box.addEventListener('keydown', guarded((event) => {
      if (event.key === 'Escape') this.dismiss();
    }, 'help widget'));
  }

  connectedCallback() {
    // Clicks on the SDK's own help are not friction on the page.
    this.setAttribute('data-friction-ignore', '');
  }

  // text: the widget's texts (i18n/en_help.js, fr_help.js); onDismiss(): the visitor said no
  // thanks;
  // onPerson(share): asks for a person, resolves to { reference, shared } or null.
  // onAsked(): the visitor took one of the help's actions (a view where help was asked).
  // onEvent(name): a help event ('opened', 'solved', 'unsolved'); shouldAsk(): whether to ask
  // "Did this solve it?" now (true once).
  configure({ text, lang, onDismiss, onPerson, onAsked = () => {}, onEvent = () => {}, shouldAsk = () => false }) {
    this.text = text;
    this.box.setAttribute('lang', lang);
    this.announcer.setAttribute('lang', lang);
    this.box.setAttribute('aria-label', this.text.region);
    this.onDismiss = onDismiss;
    this.onPerson = onPerson;
    this.onAsked = onAsked;
    this.onEvent = onEvent;
    this.shouldAsk = shouldAsk;
  }

  // An offer from the core (the friction.on('help') detail) and the element it is about. A
  // visitor on their way to a person (asking, sending, reference) keeps that screen.
  // `cause`: why the detection that tipped it happened, when the core told (form struggle).
  offer(offer, element, cause) {
    if (['ask', 'sending', 'reference', 'failed'].includes(this.state)) return;
    this.element = element || null;
    this.opened = false;  // this offer's actions not used yet
    const content = offer.content || {};
    const actions = (content.actions || []).map((action) => this.actionOf(action, offer));
    const title = content.title || this.text.title;
    const why = this.why(offer, cause);
    this.show('offer', `${title} ${why}`, [
      this.head(title),
      h('p', { class: 'why' }, why),
      content.text ? h('p', {}, content.text) : null,
      h('div', { class: 'actions' }, ...actions, this.button(this.text.dismiss, () => this.dismiss())),
    ]);
  }

  why(offer, cause) {
    return helpWhy(offer, this.text, cause);
  }

  actionOf(action, offer) {
    if (action.person) return this.button(action.label, () => this.tookUp(() => this.askToShare()), 'primary');
    if (action.href) {
      const link = h('a', { class: 'action', href: action.href }, action.label);
      link.addEventListener('click', guarded(() => this.tookUp(() => {}), 'help widget'));
      return link;
    }
    return this.button(action.label, () => this.tookUp(() => action.onSelect(offer)));
  }

  // The visitor used one of the offer's actions: the offer was opened (told once), then the
  // action runs.
  tookUp(then) {
    this.onAsked();
    if (!this.opened) {
      this.opened = true;
      try {
        this.onEvent('opened');
      } catch (error) {
        log.error('a help event was lost; the page carries on.', error);
      }
    }
    return then();
  }

  // The one optional question after help was used: asked in place of the box, same size and
  // corner, so nothing moves. Yes / No answer it; × and Escape close it without an answer.
  askSolved() {
    this.show('question', this.text.solvedQuestion, [
      this.head(this.text.title),
      h('p', {}, this.text.solvedQuestion),
      h('div', { class: 'actions' },
        this.button(this.text.solvedYes, () => this.answer('solved')),
        this.button(this.text.solvedNo, () => this.answer('unsolved'))),
    ]);
  }

  answer(event) {
    this.onEvent(event);
    this.dismiss();
    this.announcer.textContent = this.text.thanks; // the box is gone; the live region stays
  }

  // The one question before a person is reached: may the summary of this visit go with it?
  askToShare() {
    this.show('ask', this.text.askShare, [
      this.head(this.text.title),
      h('p', {}, this.text.askShare),
      h('div', { class: 'actions' },
        this.button(this.text.share, () => this.reachPerson(true), 'primary'),
        this.button(this.text.dontShare, () => this.reachPerson(false))),
    ]);
  }

  async reachPerson(share) {
    this.show('sending', this.text.sending, [this.head(this.text.title), h('p', {}, this.text.sending)]);
    const asked = this.sequence;
    const answer = await Promise.resolve(this.onPerson(share)).catch(() => null);
    // Closed meanwhile: the visitor moved on (the site still hears of the hand-off).
    if (asked !== this.sequence) return;
    if (!answer) {
      this.show('failed', this.text.failed, [
        this.head(this.text.title),
        h('p', {}, this.text.failed),
        h('div', { class: 'actions' }, this.button(this.text.retry, () => this.reachPerson(share), 'primary')),
      ]);
      return;
    }
    const reference = fill(this.text.reference, { reference: answer.reference });
    const explained = answer.shared ? this.text.referenceShared : this.text.referenceNotShared;
    this.show('reference', `${reference}. ${explained}`, [
      this.head(this.text.title),
      h('p', { class: 'reference' }, reference),
      h('p', {}, explained),
    ]);
  }

  head(title) {
    return h('div', { class: 'head' },
      h('h2', {}, title),
      this.button('×', () => this.dismiss(), 'close', this.text.close));
  }

  // A button whose handler, async or not (a site's own action included), can fail without the
  // page hearing of it: the console says so and the widget carries on.
  button(label, onPress, className = null, ariaLabel = null) {
    const report = (error) => log.error('a help widget action failed; the page carries on.', error);
    const press = () => {
      try {
        Promise.resolve(onPress()).catch(report);
      } catch (error) {
        report(error);
      }
    };
    return h('button', { type: 'button', class: className, 'aria-label': ariaLabel, onclick: press }, label);
  }

  // Replaces what the box says. Focus moves only if it was already in the box (the visitor is
  // working in it): a new state then starts at its first control. Otherwise it stays where
  // the visitor has it.
  show(state, announcement, children) {
    const hadFocus = this.root.contains(deepActiveElement());
    this.sequence += 1;
    this.state = state;
    this.announcer.textContent = announcement;
    this.box.dataset.state = state;
    this.box.replaceChildren(...children.filter(Boolean));
    this.box.hidden = false;
    this.place();
    window.addEventListener('scroll', this.follow, { passive: true });
    window.addEventListener('resize', this.follow, { passive: true });
    if (hadFocus) {
      const first = this.box.querySelector('.actions button, .actions a') || this.box.querySelector('button');
      if (first) first.focus();
    }
  }

  place() {
    const rect = this.element && this.element.isConnected ? this.element.getBoundingClientRect() : null;
    const { vertical, horizontal } = cornerAwayFrom(rect, window.innerWidth, window.innerHeight);
    const placed = `box ${vertical} ${horizontal}`;
    if (this.box.className !== placed) this.box.className = placed; // scrolls mostly change nothing
  }

  // The visitor closed help here, whatever the screen: the core keeps this step quiet.
  // Help the visitor had opened is followed by "Did this solve it?" (once per tab session).
  // The core hears the close once the question is closed too (onDismiss hides the widget).
  dismiss() {
    const wasOpen = !this.box.hidden;
    // Not while asking for a person ('ask', 'sending'): that close is a change of mind.
    if (wasOpen && this.opened && ['offer', 'reference', 'failed'].includes(this.state) && this.shouldAsk()) {
      this.askSolved();
      return;
    }
    this.hide();
    if (wasOpen && this.onDismiss) this.onDismiss();
  }

  hide() {
    // Focus in the box goes back where the visitor had it, not to the top of the page.
    if (this.root.contains(deepActiveElement())) {
      const back = [this.returnFocus, this.element].find((element) => element && element.isConnected);
      if (back) back.focus();
    }
    this.returnFocus = null;
    this.sequence += 1;
    this.announcer.textContent = '';
    this.box.hidden = true;
    this.box.replaceChildren();
    this.state = 'hidden';
    this.box.dataset.state = 'hidden';
    this.element = null;
    window.removeEventListener('scroll', this.follow);
    window.removeEventListener('resize', this.follow);
  }
}
