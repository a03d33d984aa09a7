// Puts the default help widget on the page and connects it to the SDK: offers in, "no thanks"
// and "talk to a person" out. Sites that render help themselves set help-ui="off" and listen to
// friction.on('help') instead. Whatever fails here is logged and swallowed.
import { pickLanguage, textsFor } from '../i18n/index.js';
import { guarded, log } from '../log.js';
import { HELP_TAG, HelpWidget } from './help_widget.js';

export function mountHelpWidget(sdk, { lang } = {}) {
  try {
    if (!window.customElements || !document.documentElement.attachShadow) return;
    if (!customElements.get(HELP_TAG)) customElements.define(HELP_TAG, HelpWidget);
    const language = pickLanguage(lang);
    const widget = document.createElement(HELP_TAG);
    widget.configure({
      text: textsFor(language),
      lang: language,
      onDismiss: () => sdk.helpDismissed(),
      onEvent: (event) => sdk.helpEvent(event),
      shouldAsk: () => sdk.helpQuestion(),
      onPerson: (share) => sdk.handoff(share),
      onAsked: () => sdk.helpAsked(),
    });
    const append = guarded(() => document.body.append(widget), 'help widget');
    if (document.body) append();
    else document.addEventListener('DOMContentLoaded', append, { once: true });
    sdk.helpView = {
      offer: guarded((offer, element) => widget.offer(offer, element), 'help widget'),
      hide: guarded(() => widget.hide(), 'help widget'),
    };
  } catch (error) {
    log.error('could not show the help widget; friction.on("help") still works.', error);
  }
}
