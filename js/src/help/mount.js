// Connects the default help widget to the SDK: offers in, "no thanks" and "talk to a person"
// out. The widget's code and texts are part of friction.js: fetched at the first offer, the
// request itself would tell the site's server, before any consent, that this visitor was stuck,
// and fetched at every page's first idle moment instead, the module's request cost each page
// its own tasks for a widget most pages never show (0.2-0.5 ms of main-thread CPU a later page;
// README, issue 17). The element is made only at the first offer. Sites that render help themselves set
// help-ui="off" and listen to friction.on('help') instead. Whatever fails here is logged and
// swallowed.
import { pickLanguage } from '../i18n/language.js';
import { log } from '../log.js';
import { HELP_TEXTS } from './help_texts.js';
import { createHelpWidget } from './widget_on_page.js';

export function mountHelpWidget(sdk, { lang } = {}) {
  const failed = (error) => log.error('could not show the help widget; friction.on("help") still works.', error);
  const safely = (fn) => (...args) => {
    try {
      fn(...args);
    } catch (error) {
      failed(error);
    }
  };
  safely(() => {
    if (!window.customElements || !document.documentElement.attachShadow) return;
    const language = pickLanguage(lang);
    let widget = null;
    sdk.helpView = {
      offer: safely((offer, element, cause) => {
        widget ??= createHelpWidget(sdk, HELP_TEXTS[language], language);
        widget.offer(offer, element, cause);
      }),
      // Synchronous: the widget's own "Thank you" comes right after the SDK hid it.
      hide: safely(() => {
        if (widget) widget.hide();
      }),
    };
  })();
}
