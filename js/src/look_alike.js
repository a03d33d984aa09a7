// Does a click on plain content land on something that *looks* clickable? Text styled as a link,
// a card or an image with a pointer cursor: a visitor who clicks one and sees nothing happen met
// a dead click, just as on a button. The answer is one bit (kLooksClickable) about an element;
// the text and styles read here stay in the page.
// Runs at click time only, once per clicked element (targets.js caches the answer): a few
// getComputedStyle calls on a handful of ancestors, never on pointer moves or scrolls.

// Cursor is inherited: the control is the outermost element that has the pointer while its parent
// does not. Within 4 levels of the clicked node (an icon in a title in a card's body in the
// card); a pointer coming from further up covers a region (a list, the whole page), not a control,
// and so does one on the body's own children (the app's wrapper, set by a careless stylesheet).
const MAX_LEVELS = 4;
// Link-like text is short: a call to action ("Read more →", "See all"), not a sentence. Longer
// text is a paragraph whose words happen to be underlined or coloured. A link holds a word or
// two and maybe an icon: more child elements than this is a block, whose text is not even read.
const MAX_LINK_TEXT = 40;
const MAX_LINK_CHILDREN = 3;
// An arrow or chevron at the end says "this leads somewhere" (→ ⟶ ➔ ➜ › » ▸ ▶ >).
const TRAILING_ARROW = /[\u2192\u27f6\u2794\u279c\u203a\u00bb\u25b8\u25b6>]\s*$/;
// A link colour stands out from the text around it and is a colour, not a grey: the channels of
// an accent differ by at least this much (of 255); greys and near-blacks differ by less.
const MIN_ACCENT_CHROMA = 60;
// The designer saying "not a control": any cursor other than the default's auto or a pointer
// (default, text, not-allowed, help, grab...) vetoes the text cues.
const NEUTRAL_CURSORS = new Set(['auto', 'pointer']);
// Underlines that are not link styling: misspellings (wavy), abbreviations (dotted), and the
// elements whose meaning is an annotation or an insertion.
const ANNOTATION_TAGS = new Set(['U', 'INS', 'ABBR', 'DFN']);
const LINK_UNDERLINES = new Set(['solid', 'double']);

// The element to name for a click on `start` (not actionable, not ignored), or null.
export function lookAlikeOf(start) {
  if (isPageBackground(start)) return null;
  const style = getComputedStyle(start);
  if (style.cursor === 'pointer') return pointerOwner(start);
  if (!NEUTRAL_CURSORS.has(style.cursor)) return null;
  return linkLikeText(start, style);
}

function isPageBackground(element) {
  return element === document.body || element === document.documentElement;
}

function pointerOwner(start) {
  let element = start;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const parent = element.parentElement;
    if (!parent) return null;
    if (isPageBackground(parent)) return null; // the page, or its top wrapper, has a pointer: no cue
    if (getComputedStyle(parent).cursor !== 'pointer') return element;
    element = parent;
  }
  return null;
}

// The clicked text, or an inline ancestor around it, styled as a link: underlined, or in an
// accent colour and ending in an arrow.
function linkLikeText(start, startStyle) {
  let element = start;
  let style = startStyle;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    if (element.childElementCount > MAX_LINK_CHILDREN) return null;
    const text = (element.textContent || '').trim();
    if (!text || text.length > MAX_LINK_TEXT) return null; // reached the paragraph
    const parent = element.parentElement;
    if (!parent || isPageBackground(parent)) return null;
    const parentStyle = getComputedStyle(parent);
    if (isUnderlined(element, style)) return element;
    if (TRAILING_ARROW.test(text) && isAccent(style.color, parentStyle.color)) return element;
    element = parent;
    style = parentStyle;
    if (!NEUTRAL_CURSORS.has(style.cursor)) return null;
  }
  return null;
}

function isUnderlined(element, style) {
  return !ANNOTATION_TAGS.has(element.tagName) && style.textDecorationLine.includes('underline') &&
    LINK_UNDERLINES.has(style.textDecorationStyle);
}

function isAccent(color, around) {
  if (color === around) return false;
  const channels = (color.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  if (channels.length < 3) return false;
  return Math.max(...channels) - Math.min(...channels) >= MIN_ACCENT_CHROMA;
}

// A click on a control the page shows as off: the disabled attribute (also through a disabled
// fieldset) or aria-disabled="true" on it or a container. Per click: it changes as forms fill.
export function isDisabled(element) {
  return !!element.closest(':disabled, [aria-disabled="true"]');
}
