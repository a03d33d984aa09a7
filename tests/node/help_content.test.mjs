// Help content (js/src/help/help_content.js): what the site registered, and which registration
// answers an offer. The CSS syntax check is the browser's (tested in Chromium); here a stand-in
// validator, and elements that only answer closest().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HelpContent } from '../../js/src/help/help_content.js';
import { consoleMessages } from './fakes.mjs';

const content = (title) => ({ title, text: `${title} text`, actions: [{ label: 'Read', href: '/help' }] });
// An element inside the given selectors only.
const elementIn = (...selectors) => ({ closest: (selector) => (selectors.includes(selector) ? {} : null) });
const offer = { step: '/checkout', cause: 'rage_click' };
const help = () => new HelpContent({ isValidSelector: (selector) => !selector.includes('!') });

test('the most specific registration wins: a selector over a step over a kind', () => {
  const registry = help();
  registry.register('rage_click', content('kind'));
  assert.equal(registry.find(offer, null).title, 'kind');
  registry.register('/checkout', content('step'));
  assert.equal(registry.find(offer, null).title, 'step');
  registry.register({ step: '/checkout', kind: 'rage_click' }, content('step and kind'));
  assert.equal(registry.find(offer, null).title, 'step and kind');
  registry.register('#coupon', content('selector'));
  assert.equal(registry.find(offer, elementIn('#coupon')).title, 'selector');
  // Registered later does not beat more specific.
  registry.register('error_click', content('other kind'));
  registry.register('/checkout', content('step again'));
  assert.equal(registry.find(offer, elementIn('#coupon')).title, 'selector');
  assert.equal(registry.find(offer, null).title, 'step and kind');
});

test('among equally specific registrations, the latest wins', () => {
  const registry = help();
  registry.register('/checkout', content('first'));
  registry.register('/checkout', content('second'));
  assert.equal(registry.find(offer, null).title, 'second');
});

test('everything a registration gives must match', () => {
  const registry = help();
  registry.register({ step: '/cart', kind: 'rage_click' }, content('other step'));
  registry.register({ step: '/checkout', kind: 'dead_click' }, content('other kind'));
  registry.register({ selector: '#apply', step: '/checkout' }, content('other element'));
  assert.equal(registry.find(offer, elementIn('#coupon')), null);
  assert.equal(registry.find(offer, null), null, 'a selector needs an element');
  assert.equal(registry.find({ step: '/checkout', cause: 'dead_click' }, null).title, 'other kind');
  assert.equal(registry.find(offer, elementIn('#apply')).title, 'other element');
});

test('a registration can be taken back', () => {
  const registry = help();
  registry.register('/checkout', content('kept'));
  const remove = registry.register('/checkout', content('removed'));
  remove();
  assert.equal(registry.find(offer, null).title, 'kept');
});

test('unusable matches are refused with a console message', (t) => {
  const messages = consoleMessages(t);
  const registry = help();
  for (const match of [42, null, { step: 'checkout' }, { kind: 'angry_click' }, { selector: 7 }, {}, 'a!b'])
    assert.equal(registry.register(match, content('x')), null, JSON.stringify(match));
  assert.equal(messages.warn.length, 7);
  assert.match(messages.warn[0], /is not a step template \("\/checkout"\), a kind \("rage_click"\) or a CSS selector/);
  assert.equal(registry.find(offer, elementIn('a!b')), null);
});

test('unusable content is refused with a console message', (t) => {
  const messages = consoleMessages(t);
  const registry = help();
  const refused = [
    null,
    { text: 'no title' },
    { title: '' },
    { title: 'T', text: 5 },
    { title: 'T', actions: 'call us' },
    { title: 'T', actions: [{ label: 'Go' }] },
    { title: 'T', actions: [{ href: '/help' }] },
  ];
  for (const each of refused) assert.equal(registry.register('/checkout', each), null, JSON.stringify(each));
  assert.equal(messages.warn.length, refused.length);
  assert.match(messages.warn[0], /content needs a title/);
  assert.equal(registry.find(offer, null), null);

  const person = { title: 'Talk to us', actions: [{ label: 'Call', person: true }, { label: 'Do', onSelect: () => {} }] };
  assert.equal(typeof registry.register('/checkout', person), 'function');
  assert.equal(registry.find(offer, null), person);
});
