// Turns a clicked DOM node into what the core may know about it: a small integer id, a role
// and a selector (hashed in the core, never sent as is). Text never goes to the core; a short
// label is kept here, in the page, for the local `friction:detected` event only.
// Nothing here reads layout: only attributes and the tree; a click on plain content asks
// look_alike.js once per element whether it looks clickable (computed styles, local).
// The trait bits are the core's (TargetTrait in sdk/detect/target_traits.h).
import { Sizes, Trait } from './generated/core_tables.js';
import { lookAlikeOf } from './look_alike.js';

// A click on an icon inside a button is a click on the button.
const ACTIONABLE = [
  'button', 'a[href]', 'input', 'select', 'textarea', 'summary', 'label', '[tabindex]',
  '[contenteditable=""]', '[contenteditable="true"]',
  ...['button', 'link', 'tab', 'menuitem', 'checkbox', 'radio', 'switch', 'option'].map((r) => `[role=${r}]`),
].join(',');
const IGNORE = '[data-friction-ignore]';
// What makes an element a control, rather than only focusable.
const CONTROL_TRAITS = Trait.actionable | Trait.pseudoLink | Trait.link | Trait.textField | Trait.formControl | Trait.label;
const MAX_SELECTOR_DEPTH = 4;
const MAX_LABEL_LENGTH = 40;
// The core keeps 64 characters of a name (field_rules.h); more would only cost the copy.
const MAX_NAME_LENGTH = 256;
const NAME_ATTRIBUTE = 'data-friction-name';
const ROLE_PATTERN = /^[a-z_-]{1,32}$/;
// The core remembers this many elements (sdk/detect/target_traits.h); so does this registry.
const MAX_DESCRIPTORS = Sizes.targetSlots;
const TEXT_INPUTS = new Set(['', 'text', 'email', 'password', 'search', 'tel', 'url', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);
const BUTTON_INPUTS = new Set(['submit', 'button', 'reset', 'image']);
const FILE_LINK = /\.(pdf|zip|docx?|xlsx?|pptx?|csv|dmg|exe|msi|apk|gz|tgz|7z|rar|mp3|mp4|ics)([?#]|$)/i;

// Static facts about an element for the core: what kind of control it is, never what it says.
export function traitsOf(element) {
  const tag = element.tagName;
  const role = element.getAttribute('role');
  let traits = element.closest('form') ? Trait.inForm : 0;
  if (tag === 'A' && element.hasAttribute('href')) {
    const href = element.getAttribute('href').trim();
    if (href === '' || href.startsWith('#') || /^javascript:/i.test(href)) traits |= Trait.pseudoLink;
    else traits |= Trait.link;
    if (element.hasAttribute('download') || FILE_LINK.test(href)) traits |= Trait.download;
    if ((element.getAttribute('target') || '').toLowerCase() === '_blank') traits |= Trait.newTab;
    traits |= Trait.actionable;
  } else if (tag === 'INPUT') {
    const type = (element.getAttribute('type') || '').toLowerCase();
    if (BUTTON_INPUTS.has(type)) traits |= Trait.actionable;
    else if (TEXT_INPUTS.has(type)) traits |= Trait.textField;
    else traits |= Trait.formControl;
  } else if (tag === 'TEXTAREA' || element.isContentEditable) {
    traits |= Trait.textField;
  } else if (tag === 'SELECT') {
    traits |= Trait.formControl;
  } else if (tag === 'LABEL') {
    traits |= Trait.label;
  } else if (tag === 'BUTTON' || tag === 'SUMMARY' || ['button', 'link', 'tab', 'menuitem', 'switch', 'option'].includes(role)) {
    traits |= Trait.actionable;
  } else if (role === 'checkbox' || role === 'radio') {
    traits |= Trait.formControl;
  }
  // Typing a query is refining a search, not struggling with a form (form_struggle.h).
  if ((traits & Trait.textField) && (role === 'searchbox' || (tag === 'INPUT' && (element.getAttribute('type') || '').toLowerCase() === 'search') || element.closest('[role=search], search')))
    traits |= Trait.searchField;
  return traits;
}

const IMPLICIT_ROLES = {
  BUTTON: 'button', A: 'link', SELECT: 'combobox', TEXTAREA: 'textbox', SUMMARY: 'button',
  LABEL: 'label', IMG: 'img', NAV: 'navigation', FORM: 'form',
};
const INPUT_ROLES = {
  submit: 'button', button: 'button', reset: 'button', image: 'button', checkbox: 'checkbox',
  radio: 'radio', range: 'slider', search: 'searchbox',
};

export function roleOf(element) {
  const explicit = (element.getAttribute('role') || '').trim().split(/\s+/)[0].toLowerCase();
  if (ROLE_PATTERN.test(explicit)) return explicit;
  if (element.tagName === 'INPUT') return INPUT_ROLES[(element.type || '').toLowerCase()] || 'textbox';
  return IMPLICIT_ROLES[element.tagName] || 'generic';
}

export function selectorOf(element) {
  const parts = [];
  for (let node = element; node && node.nodeType === 1 && parts.length < MAX_SELECTOR_DEPTH; node = node.parentElement) {
    if (node.id) {
      parts.unshift(`#${node.id}`);
      break;
    }
    let part = node.tagName.toLowerCase();
    const classes = typeof node.className === 'string' ? node.className.trim().split(/\s+/).slice(0, 2) : [];
    if (classes[0]) part += `.${classes.join('.')}`;
    const parent = node.parentElement;
    if (parent) {
      let index = 1;
      for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling)
        if (sibling.tagName === node.tagName) index++;
      if (index > 1) part += `:nth-of-type(${index})`;
    }
    parts.unshift(part);
  }
  return parts.join('>');
}

// The name the site gave the element, for the dashboard: the attribute only, never its text.
// On the element a click resolves to (the button, not the icon in it). The core cleans it.
export function nameOf(element) {
  const name = element.getAttribute(NAME_ATTRIBUTE);
  return name ? name.slice(0, MAX_NAME_LENGTH) : '';
}

export function labelOf(element) {
  const explicit = element.getAttribute('data-friction-label') || element.getAttribute('aria-label') || element.getAttribute('title');
  let label = explicit;
  if (!label && (element.tagName === 'BUTTON' || element.tagName === 'A' || element.getAttribute('role') === 'button'))
    label = element.textContent;
  if (!label) return undefined;
  label = label.replace(/\s+/g, ' ').trim();
  return label ? label.slice(0, MAX_LABEL_LENGTH) : undefined;
}

export class TargetRegistry {
  constructor(onNewTarget) {
    this.ids = new WeakMap();
    this.descriptors = new Map(); // id -> { role, tag, label? }, for the local event
    this.elements = new Map(); // id -> WeakRef(element): where help is, never sent
    this.nextId = 1;
    this.onNewTarget = onNewTarget; // (id, role, selector, traits, name) -> void, once per element
    this.lookAlikes = new WeakMap(); // plain element clicked or entered -> its look-alike's id, or 0
    this.scrollers = new WeakMap(); // element that scrolled -> its id, 0 if ignored
    this.extraTraits = new WeakMap(); // element -> the traits only a caller knew, as told
  }

  // Like idFor, for a click: plain content that looks clickable (a card, link-styled text,
  // look_alike.js) resolves to that element, marked kLooksClickable.
  clickIdFor(eventTarget) {
    const start = eventTarget && eventTarget.nodeType === 1 ? eventTarget : eventTarget && eventTarget.parentElement;
    if (!start || start.closest(IGNORE)) return 0;
    const actionable = start.closest(ACTIONABLE);
    if (actionable && (traitsOf(actionable) & CONTROL_TRAITS)) return this.register(actionable);
    // Plain content, or inside an element that is only focusable ([tabindex]: a scroll box, a
    // skip link's <main>, a div made to act as a button): it may still look clickable.
    return this.lookAlikeIdFor(start) || this.register(actionable || start);
  }

  // The id of the look-alike control `start` belongs to (marked kLooksClickable), or 0. Styles
  // are read once per element (look_alike.js); later clicks and entries cost a WeakMap lookup.
  lookAlikeIdFor(start) {
    let id = this.lookAlikes.get(start);
    if (id === undefined) {
      const lookAlike = lookAlikeOf(start);
      id = lookAlike ? this.register(lookAlike, Trait.looksClickable) : 0;
      this.lookAlikes.set(start, id);
    }
    return id;
  }

  // The id of an element that scrolled (a terms box, a list, a drawer): the scroller itself,
  // not an actionable ancestor. 0 under data-friction-ignore. One WeakMap lookup after the first.
  scrollerIdFor(element) {
    let id = this.scrollers.get(element);
    if (id === undefined) {
      id = element.closest(IGNORE) ? 0 : this.register(element);
      this.scrollers.set(element, id);
    }
    return id;
  }

  // The actionable element, field or look-alike (a card with a pointer cursor) under the
  // pointer, or 0: hover on plain content is not worth a record. The look-alike answer is read
  // once per element entered, then cached.
  interactiveIdFor(eventTarget) {
    const start = eventTarget && eventTarget.nodeType === 1 ? eventTarget : null;
    if (!start || start.closest(IGNORE)) return 0;
    const element = start.closest(ACTIONABLE);
    return element ? this.register(element) : this.lookAlikeIdFor(start);
  }

  // Returns the id of the actionable element behind an event target, or 0 to ignore it.
  idFor(eventTarget) {
    const start = eventTarget && eventTarget.nodeType === 1 ? eventTarget : eventTarget && eventTarget.parentElement;
    if (!start || start.closest(IGNORE)) return 0;
    return this.register(start.closest(ACTIONABLE) || start);
  }

  // extraTraits: what only the caller knows (kLooksClickable), added to traitsOf's.
  register(element, extraTraits = 0) {
    let id = this.ids.get(element);
    if (id !== undefined) {
      // Learnt after the element was met (a focusable div focused by the mousedown, then seen
      // to look clickable at the click): the core is told again, with the trait.
      const told = this.extraTraits.get(element) || 0;
      if ((told | extraTraits) !== told) {
        this.extraTraits.set(element, told | extraTraits);
        this.onNewTarget(id, roleOf(element), selectorOf(element), traitsOf(element) | told | extraTraits, nameOf(element));
      }
      return id;
    }
    if (extraTraits) this.extraTraits.set(element, extraTraits);
    id = this.nextId++;
    this.ids.set(element, id);
    const role = roleOf(element);
    const descriptor = { role, tag: element.tagName.toLowerCase() };
    const label = labelOf(element);
    if (label) descriptor.label = label;
    this.descriptors.set(id, descriptor);
    if (typeof WeakRef === 'function') this.elements.set(id, new WeakRef(element));
    if (this.descriptors.size > MAX_DESCRIPTORS) {
      const oldest = this.descriptors.keys().next().value;
      this.descriptors.delete(oldest);
      this.elements.delete(oldest);
    }
    this.onNewTarget(id, role, selectorOf(element), traitsOf(element) | extraTraits, nameOf(element));
    return id;
  }

  // The element behind an id, while it is still in the page.
  elementOf(id) {
    const ref = this.elements.get(id);
    return ref ? ref.deref() || null : null;
  }

  describe(id) {
    if (id === 0) return { role: 'page', tag: 'html' };
    const descriptor = this.descriptors.get(id);
    return descriptor ? { ...descriptor } : { role: 'generic', tag: 'unknown' };
  }
}
