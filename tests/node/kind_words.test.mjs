// Every kind the core detects has its words in every language the panel and the widget speak:
// its name, how to count it, and why help is offered for it. The list comes from the core
// (js/src/generated/core_tables.js, written by the build from sdk/detect/friction_kind.h).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRICTION_KINDS } from '../../js/src/generated/core_tables.js';
import { LANGUAGES } from '../../js/src/i18n/index.js';
import { LANGUAGE_TAGS, PRIVACY_BUTTON_LABELS } from '../../js/src/i18n/language.js';
import { HELP_TEXTS } from '../../js/src/help/help_texts.js';

test('the panel speaks English and French; the SDK picks among those with texts, and labels their Privacy button', () => {
  assert.deepEqual(Object.keys(LANGUAGES).sort(), ['en', 'fr']);
  assert.deepEqual([...LANGUAGE_TAGS].sort(), Object.keys(LANGUAGES).sort());
  assert.deepEqual(Object.keys(PRIVACY_BUTTON_LABELS).sort(), Object.keys(LANGUAGES).sort());
  // The help widget's texts, bundled with friction.js: the same files, every language.
  for (const lang of LANGUAGE_TAGS) assert.equal(HELP_TEXTS[lang], LANGUAGES[lang].help, `${lang}: help/help_texts.js`);
  assert.deepEqual(Object.keys(HELP_TEXTS).sort(), [...LANGUAGE_TAGS].sort());
});

test('the core lists the nine shipped kinds, in order', () => {
  assert.deepEqual(FRICTION_KINDS.slice(0, 9), ['rage_click', 'dead_click', 'error_click', 'form_struggle',
    'scroll_thrash', 'quick_back', 'cursor_thrash', 'hesitation', 'slow_response']);
});

for (const [lang, texts] of Object.entries(LANGUAGES)) {
  test(`every kind has its words in ${lang}`, () => {
    for (const kind of FRICTION_KINDS) {
      assert.equal(typeof texts.kinds[kind], 'string', `${lang}: kinds.${kind} (its name)`);
      assert.ok(texts.kinds[kind].length > 0, `${lang}: kinds.${kind} is empty`);
      const counts = texts.counts[kind];
      assert.ok(counts && typeof counts.one === 'string' && typeof counts.other === 'string', `${lang}: counts.${kind} needs one and other`);
      assert.ok(counts.one.includes('{n}') && counts.other.includes('{n}'), `${lang}: counts.${kind} must show the number`);
      assert.equal(typeof texts.help.why[kind], 'string', `${lang}: help.why.${kind} (why help is offered)`);
    }
  });

  test(`${lang} has no words for kinds the core does not know`, () => {
    const known = new Set([...FRICTION_KINDS, 'other']);
    for (const table of [texts.kinds, texts.counts, texts.help.why])
      for (const key of Object.keys(table)) assert.ok(known.has(key), `${lang}: ${key} is not a kind`);
  });
}
