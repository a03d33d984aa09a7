// A string the core keeps across the page loads of one tab: sessionStorage, this tab only, gone
// with it. Storage may be blocked (sandboxed frames, privacy modes): the SDK then remembers
// nothing across pages and carries on.
export function sessionStore(key) {
  return {
    key,
    load() {
      try {
        return window.sessionStorage.getItem(key) || '';
      } catch {
        return '';
      }
    },
    save(state) {
      try {
        window.sessionStorage.setItem(key, state);
      } catch {
        /* storage blocked */
      }
    },
    clear() {
      try {
        window.sessionStorage.removeItem(key);
      } catch {
        /* nothing stored */
      }
    },
  };
}

// The tab's recent steps (templates and times, from the core), so that a U-turn through a full
// page load is still seen. Only for visitors who agreed to signals (friction.js keepsJourney, tab_memory.js).
export const journeyStore = sessionStore('friction:journey');

// The help trigger's memory (decide/help_trigger.h): how many offers this tab has had, and the
// steps where the visitor said "no thanks" with when that ends. It keeps help from nagging
// from page to page, is never sent, and holds no identifier.
export const helpStore = sessionStore('friction:help');

// The visit tallies this tab has told and its goal has not yet followed (sdk/signals/
// told_tallies.h): a step template, the kinds as told, the ε, whether help was asked, one a
// line. Kept while tallies may be counted, so that reaching the goal on a later page can tell
// them again marked; never an identifier, gone with the tab, on withdrawal and at the goal.
export const toldStore = sessionStore('friction:told');

// The forms this tab just sent (sdk/detect/form_carry.h): a hash of each form's selector, when
// it was sent, how many of its sends were refused. So that a form the server renders again with
// errors on the next page counts as refused again. Never a value, never sent, gone with the tab.
export const formStore = sessionStore('friction:forms');
