// Connects the default help widget to the SDK: offers in, "no thanks" and "talk to a person"
// out. The widget itself (help_widget.js) and its texts load at the first offer, so pages where
// nobody gets stuck never download them. Sites that render help themselves set help-ui="off"
// and listen to friction.on('help') instead. Whatever fails here is logged and swallowed.
import { loadChunk, loadTexts } from '../chunks.js';
import { pickLanguage } from '../i18n/language.js';
import { log } from '../log.js';

export function mountHelpWidget(sdk, { lang } = {}) {
  try {
    if (!window.customElements || !document.documentElement.attachShadow) return;
    const language = pickLanguage(lang);
    let widget = null; // a promise of the widget, from the first offer on
    const widgetOnPage = () => {
      if (!widget) {
        widget = Promise.all([loadChunk('help'), loadTexts(language)])
          .then(([chunk, text]) => chunk.createHelpWidget(sdk, text, language));
        widget.catch(() => { widget = null; }); // told below; the next offer tries again
      }
      return widget;
    };
    const failed = (error) => log.error('could not show the help widget; friction.on("help") still works.', error);
    sdk.helpView = {
      offer: (offer, element, cause) => widgetOnPage().then((shown) => shown.offer(offer, element, cause)).catch(failed),
      hide: () => widget && widget.then((shown) => shown.hide()).catch(failed),
    };
  } catch (error) {
    log.error('could not show the help widget; friction.on("help") still works.', error);
  }
}
