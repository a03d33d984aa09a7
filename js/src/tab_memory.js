// What the core carries from one page of a tab to the next (session_store.js): the journey,
// only where the visitor agreed to signals, the help memory, which keeps help from nagging page
// after page, and the tallies told and waiting for the goal (with consent to count). The core
// writes and reads the text; this decides when.
import { formStore, helpStore, journeyStore, toldStore } from './session_store.js';

export class TabMemory {
  // keepsJourney(): whether the consent in force lets the journey link one page to the next.
  // keepsTold: the site declared a goal, so told tallies wait for it across pages.
  constructor(engine, keepsJourney, keepsTold = false) {
    this.engine = engine;
    this.keepsJourney = keepsJourney;
    this.keepsTold = keepsTold;
  }

  // What earlier pages of this tab left: on start, and back from the back-forward cache.
  restore() {
    if (this.keepsJourney()) this.engine.restoreJourney(journeyStore.load());
    this.engine.restoreHelpState(helpStore.load(), performance.now());
    this.engine.restoreFormState(formStore.load(), performance.now());
    if (this.keepsTold) this.engine.restoreTold(toldStore.load()); // kept only with consent to count
  }

  // For a goal reached on a later page of this tab: the tallies told and not yet followed by it.
  // Empty (and so cleared) without consent to count.
  rememberTold() {
    if (!this.keepsTold) return;
    const state = this.engine.toldState();
    if (state) toldStore.save(state);
    else toldStore.clear();
  }

  // For the next page of this tab: the journey so far, with the time on this step.
  rememberJourney() {
    if (this.keepsJourney()) journeyStore.save(this.engine.journeyState(performance.now()));
  }

  // For the next page of this tab: offers made and steps declined.
  rememberHelp() {
    helpStore.save(this.engine.helpState(performance.now()));
  }

  // For the next page of this tab: the forms just sent, whose answer may be that page.
  rememberForms() {
    const state = this.engine.formState();
    if (state) formStore.save(state);
    else formStore.clear();
  }

  // All of it, when the page moves on (a route change) or goes away.
  rememberAll() {
    this.rememberJourney();
    this.rememberTold();
    this.rememberHelp();
    this.rememberForms();
  }
}

// Withdrawal: nothing of the journey or of help stays in this tab.
export function forgetTabMemory() {
  journeyStore.clear();
  helpStore.clear();
  toldStore.clear();
  formStore.clear();
}
