// Form facts: which field changed and how long its value is now (never the value), whether it
// is valid, corrections, failed validation (the browser's and the site's aria-invalid), submits
// and clicks on submit buttons, messages about fields (form_messages.js).
import { EventType, Flag } from '../ring_writer.js';
import { watchFormMessages } from './form_messages.js';

const SUBMIT_BUTTONS = 'button:not([type]), button[type=submit], input[type=submit], input[type=image]';

// The button that sends its form: a submit button, or the only kind of button a form has when
// the site sends it from a script (type=button and no submit button at all).
function sendingButton(target) {
  const button = target instanceof Element ? target.closest('button, input[type=submit], input[type=image], input[type=button]') : null;
  if (!button || !button.form || button.disabled) return null;
  if (button.matches(SUBMIT_BUTTONS)) return button;
  return button.type === 'button' && !button.form.querySelector(SUBMIT_BUTTONS) ? button : null;
}

export function captureForms(recorder, targets, on) {
  const formOf = (field) => (field.form ? targets.idFor(field.form) : 0);

  on(document, 'input', (event) => {
    const field = event.target;
    const id = targets.idFor(field);
    if (!id) return;
    let flags = 0;
    if (typeof event.inputType === 'string' && event.inputType.startsWith('delete')) flags |= Flag.inputDeletion;
    if (field.validity && !field.validity.valid) flags |= Flag.inputInvalid;
    const length = typeof field.value === 'string' ? field.value.length : 0;
    recorder.note(EventType.input, id, flags, length, formOf(field));
  });

  on(document, 'invalid', (event) => {
    const id = targets.idFor(event.target);
    if (id) recorder.note(EventType.invalid, id, 0, 0, formOf(event.target));
  });

  on(document, 'submit', (event) => {
    const id = targets.idFor(event.target);
    if (!id) return;
    recorder.note(EventType.submit, id);
    // This listener runs first (capture): whether the site stopped the browser from sending it
    // is known once every handler has run. Said again, flagged, as the same attempt.
    setTimeout(() => {
      if (!event.defaultPrevented) recorder.note(EventType.submit, id, Flag.submitNative);
    }, 0);
  });

  on(document, 'click', (event) => {
    const button = sendingButton(event.target);
    if (button) recorder.note(EventType.submitClick, targets.idFor(button), 0, 0, targets.idFor(button.form));
  });

  // Server-side validation shows itself as aria-invalid="true" on the field; taking it back
  // (from "true" to anything else) says the value is accepted now.
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const field = mutation.target;
      const now = field.getAttribute('aria-invalid') === 'true';
      if (!now && mutation.oldValue !== 'true') continue;
      const id = targets.idFor(field);
      if (id) recorder.note(EventType.fieldInvalid, id, now ? 0 : Flag.fieldValidAgain, 0, formOf(field));
    }
  });
  observer.observe(document.documentElement, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-invalid'] });
  // A page that comes back from the server with its fields already marked. In the next task:
  // after the SDK has entered this page's step, so that what it finds belongs to this step.
  const scanTimer = setTimeout(() => {
    try {
      for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
        const id = targets.idFor(field);
        if (id) recorder.note(EventType.fieldInvalid, id, 0, 0, formOf(field));
      }
    } catch {
      /* capture never breaks the page */
    }
  }, 0);
  const stopMessages = watchFormMessages(recorder, targets);
  return () => {
    clearTimeout(scanTimer);
    observer.disconnect();
    stopMessages();
  };
}
