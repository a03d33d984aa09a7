// Turns a clicked DOM node into what the core may know about it: a small integer id, a role
// and a selector (hashed in the core, never sent as is). Text never goes to the core; a short
// label is kept here, in the page, for the local `friction:detected` event only.
// Nothing here reads layout: only attributes and the tree.

// A click on an icon inside a button is a click on the button.
const ACTIONABLE = [
  'button', 'a[href]', 'input', 'select', 'textarea', 'summary', 'label', '[tabindex]',
  '[contenteditable=""]', '[contenteditable="true"]',
  ...['button', 'link', 'tab', 'menuitem', 'checkbox', 'radio', 'switch', 'option'].map((r) => `[role=${r}]`),
].join(',');
const IGNORE = '[data-friction-ignore]';
const MAX_SELECTOR_DEPTH = 4;
const MAX_LABEL_LENGTH = 40;
const ROLE_PATTERN = /^[a-z_-]{1,32}$/;

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

function selectorOf(element) {
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

function labelOf(element) {
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
    this.nextId = 1;
    this.onNewTarget = onNewTarget; // (id, role, selector) -> void, once per element
  }

  // Returns the id of the actionable element behind an event target, or 0 to ignore it.
  idFor(eventTarget) {
    const start = eventTarget && eventTarget.nodeType === 1 ? eventTarget : eventTarget && eventTarget.parentElement;
    if (!start || start.closest(IGNORE)) return 0;
    const element = start.closest(ACTIONABLE) || start;
    let id = this.ids.get(element);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(element, id);
      const role = roleOf(element);
      const descriptor = { role, tag: element.tagName.toLowerCase() };
      const label = labelOf(element);
      if (label) descriptor.label = label;
      this.descriptors.set(id, descriptor);
      this.onNewTarget(id, role, selectorOf(element));
    }
    return id;
  }

  describe(id) {
    const descriptor = this.descriptors.get(id);
    return descriptor ? { ...descriptor } : { role: 'generic', tag: 'unknown' };
  }
}
