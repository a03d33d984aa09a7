// Form facts: which field changed and how long its value is now (never the value), whether it
// is valid, corrections, failed validation (the browser's and the site's aria-invalid), submits.
import { EventType, Flag } from '../ring_writer.js';

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
    if (id) recorder.note(EventType.submit, id);
  });

  // Server-side validation shows itself as aria-invalid="true" on the field.
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const field = mutation.target;
      if (field.getAttribute('aria-invalid') !== 'true') continue;
      const id = targets.idFor(field);
      if (id) recorder.note(EventType.fieldInvalid, id, 0, 0, formOf(field));
    }
  });
  observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['aria-invalid'] });
  return () => observer.disconnect();
}
