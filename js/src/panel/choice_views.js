// The panel's two choosing views: "ask" (what, why, what you gain, what never leaves) and
// "customise" (one toggle per purpose, all off until the user turns one on). Each returns the
// title and the body nodes; the paragraph with id DESCRIPTION_ID describes the dialog.
import { fill, formatDateTime } from '../i18n/format.js';
import { h } from './dom.js';

export const DESCRIPTION_ID = 'friction-panel-description';
export const SIGNALS_SWITCH_ID = 'friction-purpose-signals';

const gpcOn = () => navigator.globalPrivacyControl === true;

// Where the user stands now, with the id of their receipt so that the choice can be proven.
export function choiceStatus(api, text, lang) {
  const receipt = api.consent.receipt();
  const level = api.consent.get();
  const lines = [];
  if (receipt && level === 'signals') lines.push(fill(text.statusAccepted, { date: formatDateTime(lang, receipt.at) }));
  else if (receipt && receipt.level === 'none') lines.push(fill(text.statusRefused, { date: formatDateTime(lang, receipt.at) }));
  else if (level === 'counts') lines.push(text.statusCounting);
  else if (receipt) lines.push(text.statusNone);
  if (gpcOn() && level !== 'signals') lines.push(text.gpcNote);
  if (!lines.length) return null;
  return h('div', { class: 'status' },
    lines.map((line) => h('p', {}, line)),
    receipt && h('p', { class: 'muted' }, fill(text.receiptId, { id: receipt.id })));
}

// While a notice site counts before an answer, what it counts and whether it is scrambled.
function countingNote(api, text) {
  if (api.consent.get() !== 'counts') return text.changeLater;
  const noise = api.consent.noise();
  return noise ? fill(text.noticeCountingScrambled, { p: noise.truthPercent }) : text.noticeCounting;
}

const list = (items) => h('ul', {}, items.map((item) => h('li', {}, item)));

export function askView(api, text, lang) {
  return {
    title: text.askTitle,
    body: [
      choiceStatus(api, text, lang),
      h('p', { id: DESCRIPTION_ID }, text.intro),
      h('div', { class: 'columns' },
        h('section', {}, h('h3', {}, text.sentTitle), list(text.sentItems)),
        h('section', {}, h('h3', {}, text.neverTitle), list(text.neverItems))),
      h('div', { class: 'columns' },
        h('section', {}, h('h3', {}, text.whyTitle), h('p', {}, text.why)),
        h('section', {}, h('h3', {}, text.gainTitle), h('p', {}, text.gain))),
      h('p', { class: 'muted' }, countingNote(api, text)),
    ],
  };
}

// The switch shows the choice in force: off on a first visit, under GPC, or after a refusal.
export function customiseView(api, text) {
  const descriptionId = `${SIGNALS_SWITCH_ID}-text`;
  return {
    title: text.customiseTitle,
    body: [
      h('p', { id: DESCRIPTION_ID }, text.customiseIntro),
      h('div', { class: 'purpose' },
        h('input', {
          type: 'checkbox', role: 'switch', id: SIGNALS_SWITCH_ID, 'aria-describedby': descriptionId,
          checked: api.consent.get() === 'signals',
        }),
        h('label', { for: SIGNALS_SWITCH_ID }, text.purposeSignals),
        h('p', { id: descriptionId, class: 'muted' }, text.purposeSignalsText)),
    ],
  };
}
