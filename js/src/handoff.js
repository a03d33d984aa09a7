// "Talk to a person": the one request the SDK makes on the visitor's own ask. It goes to the
// collector's hand-off route, with a summary of the journey only if the visitor said yes to
// that, for this request alone.
import { log } from './log.js';

// The collector's hand-off route next to its signals route: .../v1/signals -> .../v1/handoff.
export const handoffUrlOf = (collector) => {
  const url = new URL(collector, location.href);
  url.pathname = url.pathname.replace(/[^/]*$/, 'handoff');
  return url.href;
};

// The journey summary's JSON, under the visitor's yes of this moment (grantJourneyOnce), or
// null. The yes is a reason to fetch the codec even where consent is 'none'.
// sending: sending_gate.js's, which fetches what it needs.
export async function journeySummary(engine, sending) {
  if (!engine) return null;
  engine.grantJourneyOnce();
  return sending.journeyJsonOf(engine.takeJourneyRecord(performance.now()));
}

// Posts the hand-off; resolves to { reference, shared }, or null (said in the console) if the
// collector refused it or could not be reached.
export async function requestHandoff(url, { site, summary, fetch }) {
  const body = `{"v":1,"site":${JSON.stringify(site || '')},"summary":${summary || 'null'}}`;
  try {
    const response = await fetch.call(window, url, {
      method: 'POST', body, credentials: 'omit', referrerPolicy: 'no-referrer', headers: { 'Content-Type': 'application/json' },
    });
    const answer = response.status === 201 ? await response.json() : null;
    if (!answer || typeof answer.reference !== 'string') {
      log.warn(`the hand-off to ${url} was refused (HTTP ${response.status}).`);
      return null;
    }
    return { reference: answer.reference, shared: summary !== null };
  } catch (error) {
    log.warn(`could not reach ${url} for the hand-off.`, error);
    return null;
  }
}
