// Why a form struggled (issue 16), in the words a visitor reads: every cause the core can send
// (sdk/detect/friction_cause.h) has its words in every language of the receipt, the receipt says
// it for a signal that carried one and for no other, and the types list the same causes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LANGUAGES } from '../../js/src/i18n/index.js';
import { describeSignal } from '../../js/src/panel/receipt_view.js';
import { helpWhy } from '../../js/src/help/help_why.js';

const root = new URL('../../', import.meta.url);
// The causes as the core declares them, "none" left out: it is never sent.
const CAUSES = [...readFileSync(new URL('sdk/detect/friction_cause.h', root), 'utf8')
  .matchAll(/^\s*CAUSE\((\w+)\)/gm)].map((m) => m[1]).filter((cause) => cause !== 'none');

test('the core declares the four causes of form struggle', () => {
  assert.deepEqual(CAUSES, ['validation_loop', 're_entry', 'rejected_submit', 'abandonment']);
});

test('the types list the causes the core declares', () => {
  const types = readFileSync(new URL('js/types/friction.d.ts', root), 'utf8');
  const union = /export type FrictionCause = ([^;]+);/.exec(types);
  assert.ok(union, 'FrictionCause is declared');
  assert.deepEqual([...union[1].matchAll(/'(\w+)'/g)].map((m) => m[1]), CAUSES);
});

const formStruggle = { kind: 'form_struggle', role: 'textbox', step: '/checkout', count: 3, at_s: 20 };

for (const [lang, texts] of Object.entries(LANGUAGES)) {
  test(`every cause has its words in ${lang}, and no other key is there`, () => {
    assert.deepEqual(Object.keys(texts.causes).sort(), [...CAUSES].sort());
    for (const cause of CAUSES) assert.ok(texts.causes[cause].length > 0, `${lang}: causes.${cause}`);
    assert.ok(texts.signalCause.includes('{cause}'));
  });

  test(`the receipt in ${lang} says why when the signal said it, and only then`, () => {
    const plain = describeSignal(formStruggle, texts, lang);
    for (const cause of CAUSES) {
      const said = describeSignal({ ...formStruggle, cause }, texts, lang);
      assert.ok(said.includes(texts.causes[cause]), `${lang}: ${said}`);
      assert.equal(said, `${plain.slice(0, -1)}${texts.signalCause.replace('{cause}', texts.causes[cause])}.`);
    }
    // A word the receipt does not know is not echoed (nor an inherited key).
    assert.equal(describeSignal({ ...formStruggle, cause: 'constructor' }, texts, lang), plain);
    assert.equal(describeSignal({ ...formStruggle, cause: '<b>typed text</b>' }, texts, lang), plain);
  });
}

test('the consent panel says a form struggle may say why, never what was typed', () => {
  const en = LANGUAGES.en.sentItems.join('\n');
  assert.match(en, /why, when it can tell: one of four words/);
  assert.match(en, /never what you typed/);
  const fr = LANGUAGES.fr.sentItems.join('\n');
  assert.match(fr, /un mot parmi quatre/);
  assert.match(fr, /jamais ce que vous avez saisi/);
});

for (const [lang, texts] of Object.entries(LANGUAGES)) {
  test(`the help widget in ${lang} words a form struggle's offer by its cause`, () => {
    assert.deepEqual(Object.keys(texts.help.whyCause).sort(), [...CAUSES].sort());
    const offer = { cause: 'form_struggle', target: { role: 'textbox', tag: 'input' } };
    const byKind = helpWhy(offer, texts.help);
    assert.equal(byKind, texts.help.why.form_struggle.charAt(0).toUpperCase() + texts.help.why.form_struggle.slice(1));
    const said = new Set([byKind]);
    for (const cause of CAUSES) said.add(helpWhy(offer, texts.help, cause));
    assert.equal(said.size, CAUSES.length + 1, 'each cause is worded apart, and apart from the kind');
    // The field's label, read locally, names it.
    const labelled = helpWhy({ ...offer, target: { role: 'textbox', label: 'Postcode' } }, texts.help, 'validation_loop');
    assert.ok(labelled.includes('Postcode'), labelled);
    // Another kind, or a cause the widget does not know, keeps the kind's words.
    const rage = { cause: 'rage_click', target: { role: 'button' } };
    assert.equal(helpWhy(rage, texts.help, 'validation_loop'), helpWhy(rage, texts.help));
    assert.equal(helpWhy(offer, texts.help, 'toString'), byKind);
  });
}
