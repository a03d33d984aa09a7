// Connects the default help widget to the SDK: offers in, "no thanks" and "talk to a person"
// out. The widget's code and texts are fetched at the page's first idle moment, on every page,
// whatever happens on it: fetched at the first offer instead, the request itself would tell the
// site's server, before any consent, that this visitor was stuck. The element is made only at
// the first offer. Sites that render help themselves set help-ui="off" and listen to
// friction.on('help') instead. Whatever fails here is logged and swallowed.
import { loadChunk } from '../chunks.js';
import { whenIdle } from '../idle.js';
import { pickLanguage } from '../i18n/language.js';
import { log } from '../log.js';

export function mountHelpWidget(sdk, { lang } = {}) {
  try {
    if (!window.customElements || !document.documentElement.attachShadow) return;
    const language = pickLanguage(lang);
    const download = () => loadChunk(`help-${language}`);
    whenIdle(() => download().catch(() => {})); // said at the first offer, if it still fails then
    let widget = null; // a promise of the widget, from the first offer on
    const widgetOnPage = () => {
      if (!widget) {
        widget = download().then((chunk) => chunk.createHelpWidget(sdk, chunk.text, language));
        widget.catch(() => { widget = null; }); // told below; the next offer tries again
      }
      return widget;
    };
    const failed = (error) => log.error('could not show the help widget; friction.on("help") still works.', error);
    // Hiding is synchronous once the widget is on the page: the widget's own "Thank you" comes
    // right after the SDK hid it. A hide while an offer still loads cancels that offer.
    let shown = null;
    let hides = 0;
    sdk.helpView = {
      offer: (offer, element, cause) => {
        const hidesBefore = hides;
        widgetOnPage().then((onPage) => {
          shown = onPage;
          if (hides === hidesBefore) onPage.offer(offer, element, cause);
        }).catch(failed);
      },
      hide: () => {
        hides += 1;
        try {
          if (shown) shown.hide();
        } catch (error) {
          failed(error);
        }
      },
    };
  } catch (error) {
    log.error('could not show the help widget; friction.on("help") still works.', error);
  }
}
