// What the site wants to say when the SDK offers help: friction.help.register(match, content).
// match: a step template ('/checkout'), a kind ('rage_click'), a CSS selector ('#apply-coupon'),
// or an object combining them ({ step, kind, selector }): everything given must match. The most
// specific registration wins (a selector over a step over a kind); among equals, the latest.
// content: { title, text, actions: [{ label, href } | { label, onSelect } | { label, person: true }] }.
import { FRICTION_KINDS } from '../generated/core_tables.js';
import { log } from '../log.js';

const KINDS = new Set(FRICTION_KINDS);

function matchOf(match) {
  if (typeof match === 'string') {
    if (match.startsWith('/')) return { step: match };
    if (KINDS.has(match)) return { kind: match };
    return { selector: match };
  }
  if (!match || typeof match !== 'object') return null;
  const { step, kind, selector } = match;
  const known = (step === undefined || (typeof step === 'string' && step.startsWith('/'))) &&
    (kind === undefined || KINDS.has(kind)) && (selector === undefined || typeof selector === 'string');
  return known && (step || kind || selector) ? { step, kind, selector } : null;
}

// Whether the browser can read `selector`; it alone knows CSS syntax.
function validSelector(selector) {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function validContent(content) {
  if (!content || typeof content !== 'object' || typeof content.title !== 'string' || !content.title) return false;
  if (content.text !== undefined && typeof content.text !== 'string') return false;
  const actions = content.actions === undefined ? [] : content.actions;
  return Array.isArray(actions) && actions.every((action) => action && typeof action.label === 'string' && action.label &&
    (typeof action.href === 'string' || typeof action.onSelect === 'function' || action.person === true));
}

export class HelpContent {
  // isValidSelector: the browser's parser by default; tests under Node, without a DOM, give one.
  constructor({ isValidSelector = validSelector } = {}) {
    this.entries = [];
    this.added = 0;
    this.isValidSelector = isValidSelector;
  }

  // Returns a function that removes the registration, or null (and a console message).
  register(match, content) {
    const parsed = matchOf(match);
    if (!parsed || (parsed.selector && !this.isValidSelector(parsed.selector))) {
      log.warn(`friction.help.register: ${JSON.stringify(match)} is not a step template ("/checkout"), a kind ("rage_click") or a CSS selector.`);
      return null;
    }
    if (!validContent(content)) {
      log.warn('friction.help.register: content needs a title, an optional text, and actions like { label, href }, { label, onSelect } or { label, person: true }.');
      return null;
    }
    const entry = { ...parsed, content, order: this.added++ };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((each) => each !== entry);
    };
  }

  // The content for an offer ({ step, cause }) on `element` (or null), most specific first.
  find(offer, element) {
    let best = null;
    let bestRank = -1;
    for (const entry of this.entries) {
      if (entry.step && entry.step !== offer.step) continue;
      if (entry.kind && entry.kind !== offer.cause) continue;
      if (entry.selector && !(element && element.closest(entry.selector))) continue;
      const rank = (entry.selector ? 4 : 0) + (entry.step ? 2 : 0) + (entry.kind ? 1 : 0);
      if (rank > bestRank || (rank === bestRank && entry.order > best.order)) {
        best = entry;
        bestRank = rank;
      }
    }
    return best ? best.content : null;
  }
}
