// Small DOM helpers shared by the panel and the privacy button.

// Builds elements without innerHTML: translated texts and ledger entries are never parsed as
// markup, and pages that enforce Trusted Types accept it. Props starting with "on" are
// listeners; false or null props are left out; true becomes an empty attribute.
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const sheets = new Map();

// Styles a shadow root with a constructed stylesheet: a CSP of style-src 'self' forbids <style>
// elements and style attributes, but not stylesheets built through the CSSOM. One sheet per
// CSS text, shared by every root that uses it.
export function adoptStyles(root, css) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    // Browsers before constructable stylesheets (Safari < 16.4). A strict CSP blocks this
    // element; the panel is then plain but still usable.
    root.append(h('style', {}, css));
  }
}

// The focused element, looking inside open shadow roots (document.activeElement stops at the
// host), so that focus can go back exactly where it was.
export function deepActiveElement() {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
