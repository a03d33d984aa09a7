// The data receipt: every batch actually sent, as the user can read it in the consent panel
// (time, compressed size, the signals in it). Kept on this device only, wiped on withdrawal.
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

// The signals are read from the stored JSON, not stored twice.
function signalsOf(json) {
  try {
    return JSON.parse(json).signals || [];
  } catch {
    return []; // the core wrote it; unreadable would be a bug, but the send itself stands
  }
}

export const ledger = {
  entries: () => read().map((entry) => ({ ...entry, signals: signalsOf(entry.json) })),

  record(bytes, json) {
    const entries = [...read(), { at: Date.now(), bytes, json }].slice(-MAX_ENTRIES);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(entries));
    } catch {
      /* storage full or blocked: the receipt is best effort, the send is not undone */
    }
  },

  clear() {
    try {
      window.localStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
  },
};
