// Remembers the end user's choice on this device, so that it is not asked again on every page.
// Storing the choice itself is what honouring it requires; nothing else is stored.
const KEY = 'friction:consent';

export const consentStore = {
  load() {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null; // storage blocked: the default (none) applies
    }
  },
  save(level) {
    try {
      window.localStorage.setItem(KEY, level);
    } catch {
      /* storage blocked: the choice holds for this page only */
    }
  },
};
