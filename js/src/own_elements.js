// The SDK's own elements on the page, by tag. What happens to them is not the page answering a
// visitor (capture/page.js): the help widget appearing must not count as a reply to the click
// that summoned it.
export const FINDER_TAG = 'friction-finder';
export const HELP_TAG = 'friction-help';
export const PANEL_TAG = 'friction-consent-panel';
export const BUTTON_TAG = 'friction-privacy-button';

const OWN_TAGS = new Set([FINDER_TAG, HELP_TAG, PANEL_TAG, BUTTON_TAG]);

export const isOwnElement = (node) => node.nodeType === 1 && OWN_TAGS.has(node.localName);
