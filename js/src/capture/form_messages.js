// Messages about a form's fields, as facts: which field a message belongs to, where it came from
// (Message.* in the core's tables), whether that field is invalid. Never the message's text: it
// is read here only to skip empty containers. The core decides what counts (form_struggle.h).
// Where a message comes from:
//  - alert: role=alert or aria-live=assertive, the ARIA way to say "something needs you now";
//  - described: the element a field names in aria-errormessage / aria-describedby gained text;
//  - nearField: plain text appearing in a field's container, styled as an error (a reddish
//    colour, or a class/id saying error/invalid), or next to a field that is invalid;
//  - status: role=status / aria-live=polite ("Saved", "3 results"): sent with the field's
//    validity, since only an invalid field makes it a complaint.
import { EventType, Flag, Message } from '../generated/core_tables.js';

const FIELDS = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea';
const LIVE = '[role=alert], [role=status], [aria-live], output';
const ERROR_NAME = /err|invalid|danger|warn/i;
// Container levels looked through for a field next to a message: a label/input/message group
// is one or two levels deep in common markup; more would reach the whole form.
const MAX_CONTAINER_LEVELS = 3;
// Mutation records, and elements, looked at per observer callback: a page that renders a list
// of thousands of rows in one go costs no more than a form's message does.
const MAX_RECORDS = 40;
const MAX_ELEMENTS = 60;
// A message is a few words, maybe an icon or a short list: an element with more children than
// this is a section of the page being rendered, not a message, and its text is not read.
const MAX_MESSAGE_CHILDREN = 16;

const textOf = (element) => (element.textContent || '').trim() !== '';
const invalid = (field) => field.getAttribute('aria-invalid') === 'true' || Boolean(field.validity && !field.validity.valid);

// A field that names this element (or the element around it) as its message.
function describedField(element) {
  for (let node = element, level = 0; node && level < 3; node = node.parentElement, level++) {
    if (!node.id) continue;
    const id = CSS.escape(node.id);
    const field = document.querySelector(`[aria-errormessage~="${id}"], [aria-describedby~="${id}"]`);
    if (field) return field;
  }
  return null;
}

// The field in the message's container: the only one, else the last one before the message.
function nearestField(element) {
  let node = element.parentElement;
  for (let level = 0; node && level < MAX_CONTAINER_LEVELS; node = node.parentElement, level++) {
    const fields = node.querySelectorAll(FIELDS);
    if (fields.length === 1) return fields[0];
    let before = null;
    for (const field of fields)
      if (field.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) before = field;
    if (before) return before;
    if (node.tagName === 'FORM') break;
  }
  return null;
}

// Red dominates: the colour sites give errors (getComputedStyle once per new message element).
function looksLikeError(element) {
  if (ERROR_NAME.test(`${element.className} ${element.id}`)) return true;
  const match = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(element).color);
  return Boolean(match) && Number(match[1]) >= 150 && Number(match[1]) > 2 * Math.max(Number(match[2]), Number(match[3]));
}

export function watchFormMessages(recorder, targets) {
  const idOf = (element) => (element ? targets.idFor(element) : 0);
  const formOf = (element) => {
    const form = element && (element.form || element.closest('form'));
    return form ? targets.idFor(form) : 0;
  };

  function consider(element) {
    if (!element || element.nodeType !== 1 || element.childElementCount > MAX_MESSAGE_CHILDREN) return;
    if (element.closest('[data-friction-ignore], [hidden]') || !textOf(element)) return;
    const live = element.closest(LIVE);
    const role = live && (live.getAttribute('role') || '');
    const assertive = live && (role === 'alert' || live.getAttribute('aria-live') === 'assertive');
    const described = describedField(element);
    let field = described;
    let source = assertive ? Message.alert : described ? Message.described : live ? Message.status : Message.nearField;
    if (!field && element.closest('form')) field = nearestField(element);
    if (source === Message.nearField && !(field && (invalid(field) || looksLikeError(element)))) return;
    if (!field && !assertive) return; // a status about nothing in particular
    const flags = field && invalid(field) ? Flag.messageFieldInvalid : 0;
    recorder.note(EventType.formMessage, idOf(field), flags, source, field ? formOf(field) : formOf(element));
  }

  const observer = new MutationObserver((mutations) => {
    try {
      const seen = new Set();
      for (const mutation of mutations.slice(0, MAX_RECORDS)) {
        const nodes = mutation.type === 'childList' ? mutation.addedNodes : [mutation.target];
        for (const node of nodes) {
          const element = node.nodeType === 1 ? node : node.parentElement;
          if (!element || seen.has(element)) continue;
          if (seen.size === MAX_ELEMENTS) return;
          seen.add(element);
          consider(element);
        }
      }
    } catch {
      /* capture never breaks the page */
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });

  // A page that comes back from the server with its errors already shown (in the next task,
  // once the SDK has entered this page's step; forms.js does the same with aria-invalid).
  const scanTimer = setTimeout(() => {
    try {
      for (const shown of document.querySelectorAll('form [role=alert], form [aria-live=assertive], form [class*=error], form [class*=invalid]')) consider(shown);
    } catch {
      /* capture never breaks the page */
    }
  }, 0);
  return () => {
    clearTimeout(scanTimer);
    observer.disconnect();
  };
}
