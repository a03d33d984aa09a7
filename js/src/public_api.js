// The object a web developer talks to: window.friction (script tag) or the ESM export.
// It is callable too, so that the queue stub's calls, friction('consent', 'signals'), made before
// the script loaded, replay unchanged.
import { consentStore } from './consent_store.js';
import { noiseOf } from './ldp_setting.js';
import { ledger } from './ledger.js';
import { guarded, log } from './log.js';

export const VERSION = '0.1.0';

export function createPublicApi(sdk) {
  const api = guarded(function friction(command, ...args) {
    switch (command) {
      case 'on': return api.on(...args);
      case 'off': return api.off(...args);
      case 'consent': return api.consent.set(...args);
      case 'flush': return api.flush();
      case 'help-dismiss': return api.help.dismiss();
      case 'help-register': return api.help.register(...args);
      case 'goal': return api.goal(...args);
      default:
        log.warn(`friction('${command}'): unknown command; known: on, off, consent, flush, help-dismiss, help-register, goal.`);
        return undefined;
    }
  }, 'friction()');
  api.on = guarded((topic, callback) => sdk.emitter.on(topic, callback), 'friction.on');
  api.off = guarded((topic, callback) => sdk.emitter.off(topic, callback), 'friction.off');
  api.consent = {
    set: guarded((level) => sdk.setConsent(level), 'friction.consent.set'),
    get: guarded(() => sdk.consentLevel(), 'friction.consent.get'),
    // True on a first visit, after a new policy revision, or six months after a refusal;
    // false under Global Privacy Control (the panel stays reachable from its button).
    shouldAsk: guarded(() => consentStore.shouldAsk(sdk.consentRevision), 'friction.consent.shouldAsk'),
    receipt: guarded(() => consentStore.receipt(), 'friction.consent.receipt'),
    // The noise on what is counted before an answer: { epsilonPerKind, epsilonPerTally,
    // truthPercent }, or null when the site turned it off.
    noise: guarded(() => noiseOf(sdk.ldpEpsilon), 'friction.consent.noise'),
  };
  // How much the current step hurts now: the decaying sum of its frictions (0 when calm).
  api.score = guarded(() => sdk.score(), 'friction.score');
  api.help = {
    // The visitor closed an offer of help: none again on this step for a while.
    dismiss: guarded(() => sdk.helpDismissed(), 'friction.help.dismiss'),
    // What to say when help is offered for a step, a kind or an element (help/help_content.js).
    // Returns a function that removes it, or null when the arguments are not usable.
    register: guarded((match, content) => sdk.helpContent.register(match, content), 'friction.help.register'),
    // The visitor asked for a person (share: they agreed to send their journey summary with
    // this request). Resolves to { reference, shared } or null; friction.on('handoff') hears it.
    handoff: (share) => sdk.handoff(Boolean(share)).catch(() => null),
  };
  // Every batch actually sent, for the user to read: [{ at, bytes, signals: [...] }].
  api.ledger = guarded(() => ledger.entries(), 'friction.ledger');
  api.flush = guarded(() => sdk.flush(), 'friction.flush');
  // The site's goal was reached (e.g. 'purchase'): the counts of this tab's earlier page views go
  // again, marked as followed by it. True when taken; false (with a console message) otherwise.
  api.goal = guarded((name = 'goal') => sdk.goal(name), 'friction.goal');
  api.ready = sdk.ready;
  api.version = VERSION;
  return api;
}

// Replays calls queued by the snippet `window.friction = window.friction || function () {
// (friction.q = friction.q || []).push(arguments) }`.
export function replayQueue(stub, api) {
  const queue = stub && Array.isArray(stub.q) ? stub.q : [];
  for (const args of queue) api(...args);
}
