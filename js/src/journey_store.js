// The tab's recent steps (templates and times, from the core) across page loads, so that a
// U-turn through a full page load is still seen. sessionStorage: this tab only, gone with it.
const KEY = 'friction:journey';

export const journeyStore = {
  load() {
    try {
      return window.sessionStorage.getItem(KEY) || '';
    } catch {
      return '';
    }
  },
  clear() {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
  },
  save(state) {
    try {
      window.sessionStorage.setItem(KEY, state);
    } catch {
      /* storage blocked: U-turns across page loads go unseen */
    }
  },
};
