// Why the help widget appeared, in one sentence: by the kind that tipped the offer and, for a
// form struggle whose cause the core told (`validation_loop`...), by that cause: "This field
// keeps being refused" calls for other help than "Filling this in seems hard". The element's
// label is read locally and never leaves the browser.
import { fill } from '../i18n/format.js';

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const own = (table, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);

// offer: the friction:help detail; text: the language's help texts (i18n/*.js, `help`);
// cause: the cause of the detection that tipped the offer, if the core told one.
export function helpWhy(offer, text, cause) {
  const target = offer.target || {};
  const what = target.label ? fill(text.labelled, { label: target.label }) : text.this[target.role] || text.this.other;
  const byCause = offer.cause === 'form_struggle' && own(text.whyCause, cause) ? text.whyCause[cause] : null;
  const byKind = own(text.why, offer.cause) ? text.why[offer.cause] : text.why.other;
  return capitalised(fill(byCause || byKind, { what }));
}
