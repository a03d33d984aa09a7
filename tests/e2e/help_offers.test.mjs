// Each planted friction of the demo shop is offered the help the shop wrote for it (demo/shop/
// app.js), through the corpus's own scripted visitors: the element's content over the step's
// over the kind's. Weak signs alone (a hesitation, a restless pointer) are offered nothing, and
// a U-turn is not offered help on a page already left.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journeys } from '../corpus/journeys/index.mjs';
import { runJourney } from '../corpus/run_corpus.mjs';
import { useCollectorAndBrowser } from './harness.mjs';

const suite = useCollectorAndBrowser();

// Journey name -> [cause, title of the content offered]; null: no offer at all.
const EXPECTED = {
  'dead: a script link that does nothing': ['dead_click', 'The size guide is not online yet'],
  'slow: gift wrap freezes the page for 0.7 s': ['slow_response', 'Taking a while?'],
  'form struggle: rewriting the name again and again': ['form_struggle', 'Trouble with the form?'],
  'rage: the coupon button does nothing': ['rage_click', 'Coupon not applying?'],
  'dead: one click on the coupon button, then waiting': ['dead_click', 'Coupon not applying?'],
  'error: compare throws': ['error_click', 'Compare is not working'],
  'error: the wishlist request fails': ['error_click', 'Your wishlist did not save'],
  'slow: the delivery check takes almost two seconds': ['slow_response', 'Taking a while?'],
  'form struggle: the server keeps refusing the postcode': ['form_struggle', 'Trouble with the form?'],
  'form struggle: submitting an empty form again and again': ['form_struggle', 'Trouble with the form?'],
  'scroll thrash: searching the help page up and down': ['scroll_thrash', 'Looking for something?'],
  'quick back: the product was not what they wanted': null,
  'cursor thrash: shaking the pointer': null,
  'hesitation: unsure about "Add to cart"': null,
};

test('each planted friction is offered the help written for it, and weak signs alone none', { timeout: 300_000 }, async () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const journey = journeys.find((j) => j.name === name);
    assert.ok(journey, `no journey named ${name}`);
    const { offers, pageErrors } = await runJourney(suite.browser, suite.collector.base, journey);
    const seen = offers.map((offer) => [offer.cause, offer.content && offer.content.title]);
    if (expected === null) assert.deepEqual(seen, [], name);
    else assert.deepEqual(seen, [expected], name);
    for (const offer of offers) assert.equal(offer.content.actions[0].label, 'Talk to a person', `${name}: a person within reach`);
    assert.deepEqual(pageErrors.filter((e) => !/compare/.test(e)), [], name);
  }
});
