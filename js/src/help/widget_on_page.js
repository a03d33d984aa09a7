// The default help widget on the page, made at the first offer (help/mount.js).
import { HELP_TAG, HelpWidget } from './help_widget.js';

// Puts the widget on the page, hidden, connected to the SDK: "no thanks" and "talk to a
// person" go back to it. `text`: the widget's texts in `lang` (i18n/en_help.js...).
export function createHelpWidget(sdk, text, lang) {
  if (!customElements.get(HELP_TAG)) customElements.define(HELP_TAG, HelpWidget);
  const widget = document.createElement(HELP_TAG);
  widget.configure({
    text,
    lang,
    onDismiss: () => sdk.helpDismissed(),
    onEvent: (event) => sdk.helpEvent(event),
    shouldAsk: () => sdk.helpQuestion(),
    onPerson: (share) => sdk.handoff(share),
    onAsked: () => sdk.helpAsked(),
  });
  document.body.append(widget);
  return widget;
}
