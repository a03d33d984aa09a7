// What the core carries from one page of a tab to the next (session_store.js): the journey,
// only where the visitor agreed to signals, and the help memory, which keeps help from
// nagging page after page. The core writes and reads the text; this decides when.
import { helpStore, journeyStore } from './session_store.js';

export class TabMemory {
  // keepsJourney(): whether the consent in force lets the journey link one page to the next.
  constructor(engine, keepsJourney) {
    this.engine = engine;
    this.keepsJourney = keepsJourney;
  }

  // What earlier pages of this tab left: on start, and back from the back-forward cache.
  restore() {
    if (this.keepsJourney()) this.engine.restoreJourney(journeyStore.load());
    this.engine.restoreHelpState(helpStore.load(), performance.now());
  }

  // For the next page of this tab: the journey so far, with the time on this step.
  rememberJourney() {
    if (this.keepsJourney()) journeyStore.save(this.engine.journeyState(performance.now()));
  }

  // For the next page of this tab: offers made and steps declined.
  rememberHelp() {
    helpStore.save(this.engine.helpState(performance.now()));
  }
}

// Withdrawal: nothing of the journey or of help stays in this tab.
export function forgetTabMemory() {
  journeyStore.clear();
  helpStore.clear();
}
