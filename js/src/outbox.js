// Batches not yet acknowledged by the collector, kept in localStorage so that a reload, a crash
// or a closed tab does not lose them: only for visitors who agreed to signals (keeping anything
// on the device needs that consent), at most MAX_BATCHES, and never older than TTL_MS. Entries
// are keyed by batch id: tabs of the site share the outbox, and the collector stores a batch
// sent twice only once.
const KEY = 'friction:outbox';
const MAX_BATCHES = 20;
// A day: signals older than that say little about the page as it is now.
const TTL_MS = 24 * 60 * 60 * 1000;

const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function removeKept(storage) {
  try {
    storage().removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}

// storage(): the Storage to keep batches in, asked on each use (reading localStorage itself
// throws where storage is blocked). The page's localStorage, or a test's own under Node.
export function createOutbox(storage) {
  function read() {
    try {
      const stored = JSON.parse(storage().getItem(KEY));
      return stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    } catch {
      return {};
    }
  }

  function write(entries) {
    try {
      if (Object.keys(entries).length) storage().setItem(KEY, JSON.stringify(entries));
      else storage().removeItem(KEY);
    } catch {
      /* storage full or blocked: the batches stay in memory for this page */
    }
  }

  return {
    key: KEY,

    // batch: { id, frame, json, at, beaconed? }. beaconed: sent as the page hid, not yet
    // confirmed by the collector (already in the ledger).
    keep(batch) {
      const entries = read();
      entries[batch.id] = { frame: toBase64(batch.frame), json: batch.json, at: batch.at, beaconed: Boolean(batch.beaconed) };
      const newestFirst = Object.entries(entries).sort(([, a], [, b]) => b.at - a.at);
      write(Object.fromEntries(newestFirst.slice(0, MAX_BATCHES)));
    },

    remove(id) {
      const entries = read();
      if (!(id in entries)) return;
      delete entries[id];
      write(entries);
    },

    // Everything still waiting and not expired, oldest first; expired entries are dropped.
    load(now = Date.now()) {
      const entries = read();
      const fresh = Object.entries(entries).filter(([, entry]) =>
        entry && typeof entry.frame === 'string' && typeof entry.json === 'string' && Number.isFinite(entry.at) && now - entry.at < TTL_MS);
      if (fresh.length !== Object.keys(entries).length) write(Object.fromEntries(fresh));
      const batches = [];
      for (const [id, entry] of fresh.sort(([, a], [, b]) => a.at - b.at)) {
        try {
          batches.push({ id, frame: fromBase64(entry.frame), json: entry.json, at: entry.at, beaconed: entry.beaconed === true });
        } catch {
          /* not ours or damaged: skip it */
        }
      }
      return batches;
    },

    clear: () => removeKept(storage),
  };
}

// Pure: friction.js needs only forgetOutbox, and its bundle then carries none of the above.
export const outbox = /* @__PURE__ */ createOutbox(() => window.localStorage);

// Withdrawal, whether or not the sending side (sending.js) was ever loaded on this page.
export const forgetOutbox = () => removeKept(() => window.localStorage);
