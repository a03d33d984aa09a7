// The end user's choice, kept on this device as a receipt (localStorage, no cookie): a random
// consent id, the policy revision it answers, the level, when, in which language, and whether
// Global Privacy Control was on. It is what honouring and proving the choice requires.
import { randomHex128 } from './random_hex.js';

const KEY = 'friction:consent';
// After a refusal, do not ask again for about six months (CNIL's guidance).
const ASK_AGAIN_AFTER_REFUSAL_MS = 183 * 24 * 60 * 60 * 1000;
const LEVELS = new Set(['none', 'signals']);

// navigator.globalPrivacyControl === true: a refusal of everything beyond 'none', unless the
// user actively opts in afterwards (a receipt made while GPC was on).
export const gpcOn = () => typeof navigator !== 'undefined' && navigator.globalPrivacyControl === true;

function randomId() {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return randomHex128();
}

function read() {
  try {
    const receipt = JSON.parse(window.localStorage.getItem(KEY));
    const valid = receipt && typeof receipt === 'object' && LEVELS.has(receipt.level) &&
      typeof receipt.revision === 'string' && Number.isFinite(receipt.at);
    return valid ? receipt : null;
  } catch {
    return null; // storage blocked or not ours: no receipt
  }
}

export const consentStore = {
  key: KEY,

  receipt: () => {
    const receipt = read();
    return receipt ? { ...receipt } : null;
  },

  save(level, { revision, lang }) {
    const receipt = { id: randomId(), revision, level, at: Date.now(), lang, gpc: gpcOn() };
    try {
      window.localStorage.setItem(KEY, JSON.stringify(receipt));
    } catch {
      /* storage blocked: the choice holds for this page only */
    }
    return receipt;
  },

  // The level in force. Without an answer to this revision, a 'notice' site counts visits
  // ('counts') unless Global Privacy Control refuses it; an 'opt-in' site sends nothing.
  levelInForce(revision, mode = 'opt-in') {
    const receipt = read();
    if (!receipt || receipt.revision !== revision) return mode === 'notice' && !gpcOn() ? 'counts' : 'none';
    if (receipt.level !== 'none' && gpcOn() && !receipt.gpc) return 'none';
    return receipt.level;
  },

  shouldAsk(revision) {
    if (gpcOn()) return false; // GPC already answered; the privacy button still opens the panel
    const receipt = read();
    if (!receipt || receipt.revision !== revision) return true;
    return receipt.level === 'none' && Date.now() - receipt.at > ASK_AGAIN_AFTER_REFUSAL_MS;
  },
};
