// The data receipt: every batch this browser sent (api.ledger(), newest last), each signal and
// visit tally told as a sentence and, for the curious, as the data itself; beside it, what stayed on the device.
import { Sizes } from '../generated/core_tables.js';
import { truthPercent } from '../ldp_setting.js';
import { fill, formatDateTime, plural } from '../i18n/format.js';
import { choiceStatus, DESCRIPTION_ID } from './choice_views.js';
import { h } from './dom.js';

// Enough to read; the SDK keeps a bounded ledger anyway.
const MAX_BATCHES_SHOWN = 20;
// A signal's time is rounded down to this (kTimeBucketSeconds in sdk/signals/signal.h).
const SIGNAL_TIME_BUCKET_S = Sizes.timeBucketSeconds;

// Only the dictionary's own words: a role named "constructor" must not find Object's.
const own = (dictionary, key) => Object.prototype.hasOwnProperty.call(dictionary, key);

// { kind: 'rage_click', role: 'button', step: '/product/:id', count: 4, at_s: 20 } ->
// "Rage click on a button, page /product/:id, 4 clicks, between 20 and 30 s after the page opened."
export function describeSignal(signal, text, lang) {
  const number = (n) => new Intl.NumberFormat(lang).format(n);
  const kind = own(text.kinds, signal.kind) ? signal.kind : 'other';
  const role = own(text.roles, signal.role) ? text.roles[signal.role] : signal.role ? text.roles.other : '';
  const sentence = fill(role ? text.signal : text.signalNoRole, {
    kind: text.kinds[kind],
    role,
    step: signal.step,
    count: plural(lang, text.counts[kind], Number(signal.count) || 0),
    // at_s is rounded down to 10 s before it leaves: say the interval, not a false precision.
    from: number(Number(signal.at_s) || 0),
    to: number((Number(signal.at_s) || 0) + SIGNAL_TIME_BUCKET_S),
  }) + (typeof signal.name === 'string' && signal.name ? fill(text.signalName, { name: signal.name }) : '') +
    (typeof signal.cause === 'string' && own(text.causes, signal.cause) ? fill(text.signalCause, { cause: text.causes[signal.cause] }) : '');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

// { step: '/checkout', met: ['form_struggle'] } -> "Visit to page /checkout: trouble with a form."
export function describeVisit(visit, text, lang) {
  const kinds = (Array.isArray(visit.met) ? visit.met : [])
    .map((kind) => text.kinds[own(text.kinds, kind) ? kind : 'other']);
  let joined = kinds.join(', ');
  try {
    joined = new Intl.ListFormat(lang, { type: 'conjunction' }).format(kinds);
  } catch {
    /* an old browser: commas will do */
  }
  let sentence = kinds.length
    ? fill(text.visit, { step: visit.step, kinds: joined })
    : fill(text.visitNoTrouble, { step: visit.step });
  // Whether help was asked (exact tallies only) and the goal that followed: said as sent.
  if (visit.help === true) sentence = fill(text.visitHelp, { visit: sentence });
  if (visit.help === false) sentence = fill(text.visitNoHelp, { visit: sentence });
  if (typeof visit.goal === 'string') sentence = fill(text.visitGoal, { visit: sentence, goal: visit.goal });
  return `${sentence}.`;
}

// { step: '/checkout', kind: 'form_struggle', event: 'opened' }
//   -> "Help about trouble with a form, page /checkout: you opened it."
export function describeHelpEvent(help, text) {
  const kind = text.kinds[own(text.kinds, help.kind) ? help.kind : 'other'];
  const event = text.helpEvents[own(text.helpEvents, help.event) ? help.event : 'other'];
  return `${fill(text.helpEvent, { kind, step: help.step, event })}.`;
}

// "Device sent with these: touch, narrow (under 600 px) screen.", from the batch as it left.
function deviceLine(batch, text) {
  let sent = null;
  try {
    sent = typeof batch.json === 'string' ? JSON.parse(batch.json) : null;
  } catch {
    return null;
  }
  if (!sent || !own(text.pointers, sent.pointer) || !own(text.widths, sent.width)) return null;
  return h('p', { class: 'muted' }, fill(text.device, { pointer: text.pointers[sent.pointer], width: text.widths[sent.width] }));
}

function batchItem(batch, text, lang) {
  const signals = Array.isArray(batch.signals) ? batch.signals : [];
  const visits = Array.isArray(batch.visits) ? batch.visits : [];
  const help = Array.isArray(batch.help) ? batch.help : [];
  const size = plural(lang, text.bytes, Number(batch.bytes) || 0);
  return h('li', {},
    h('p', { class: 'batch-head' },
      fill(text.batchHead, { time: formatDateTime(lang, batch.at), size })),
    h('ul', {},
      signals.map((signal) => h('li', {}, describeSignal(signal, text, lang))),
      visits.map((visit) => h('li', {}, describeVisit(visit, text, lang))),
      help.map((event) => h('li', {}, describeHelpEvent(event, text)))),
    batch.epsilon > 0 && visits.length > 0 &&
      h('p', { class: 'muted' }, fill(text.randomized, { p: truthPercent(batch.epsilon) })),
    signals.length > 0 && deviceLine(batch, text),
    h('details', {},
      h('summary', {}, text.asData),
      h('pre', {}, asData(batch, signals))));
}

// The whole batch as it left (decompressed), laid out to read; older entries kept only signals.
function asData(batch, signals) {
  try {
    if (typeof batch.json === 'string') return JSON.stringify(JSON.parse(batch.json), null, 1);
  } catch {
    /* fall back to the signals */
  }
  return JSON.stringify(signals, null, 1);
}

function sentBatches(api, text, lang) {
  const ledger = (api.ledger && api.ledger()) || [];
  if (!ledger.length) return h('p', {}, text.batchesEmpty);
  const shown = ledger.slice(-MAX_BATCHES_SHOWN).reverse(); // newest first
  const hidden = ledger.length - shown.length;
  return [
    h('ol', { class: 'batches' }, shown.map((batch) => batchItem(batch, text, lang))),
    hidden > 0 && h('p', { class: 'muted' }, plural(lang, text.batchesHidden, hidden)),
  ];
}

export function receiptView(api, text, lang) {
  return {
    title: text.receiptTitle,
    wide: true,
    body: [
      h('p', { id: DESCRIPTION_ID }, text.receiptIntro),
      h('div', { class: 'columns' },
        h('section', {}, h('h3', {}, text.batchesTitle), sentBatches(api, text, lang)),
        h('section', {},
          h('h3', {}, text.keptTitle),
          h('ul', {}, text.neverItems.map((item) => h('li', {}, item))),
          h('h3', {}, text.storedTitle),
          h('ul', {}, text.storedItems.map((item) => h('li', {}, item))),
          choiceStatus(api, text, lang))),
    ],
  };
}
