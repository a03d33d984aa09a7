// The data receipt: every batch actually sent, as the user can read it in the consent panel
// (time, compressed size, the signals and visit tallies in it). Kept on this device only, wiped on withdrawal.
const KEY = 'friction:ledger';
const MAX_ENTRIES = 50;

// Stored: { at, bytes, json }, json being exactly what the frame carried before compression.
function read() {
  try {
    const entries = JSON.parse(window.localStorage.getItem(KEY));
    return Array.isArray(entries) ? entries : [];
  } catch {
    return [];
  }
}

// Signals, visit tallies and ε are read from the stored JSON, not stored twice.
function contentOf(json) {
  try {
    const batch = JSON.parse(json);
    return { signals: batch.signals || [], visits: batch.visits || [], epsilon: batch.epsilon || 0, help: batch.help || [] };
  } catch {
    // The core wrote it; unreadable would be a bug, but the send itself stands.
    return { signals: [], visits: [], epsilon: 0, help: [] };
  }
}

// Batches sent before the user answered (a notice site's tallies) are listed for this page only:
// keeping them on the device would itself need the consent not yet given.
let pageOnly = [];

export const ledger = {
  entries: () => [...read(), ...pageOnly].map((entry) => ({ ...entry, ...contentOf(entry.json) })),

  record(bytes, json, { keep = true } = {}) {
    const entry = { at: Date.now(), bytes, json };
    if (!keep) {
      pageOnly = [...pageOnly, entry].slice(-MAX_ENTRIES);
      return;
    }
    const entries = [...read(), entry].slice(-MAX_ENTRIES);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(entries));
    } catch {
      /* storage full or blocked: the receipt is best effort, the send is not undone */
    }
  },

  clear() {
    pageOnly = [];
    try {
      window.localStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
  },
};
