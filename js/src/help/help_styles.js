// The help widget's CSS, adopted into its shadow root (panel/dom.js adoptStyles). Same palette
// as the consent panel (contrast ratios there). The box is fixed in a corner of the viewport,
// chosen by help_widget.js away from the element the visitor is struggling with; it takes no
// space in the page, so nothing shifts when it appears. It moves in only for visitors who have
// not asked for reduced motion.
export const HELP_CSS = `
:host { all: initial !important; }
*, *::before, *::after { box-sizing: border-box; }
.box {
  position: fixed; z-index: 2147483646; width: min(22em, calc(100vw - 2em)); margin: 0;
  padding: 1em 1.25em; border-radius: 12px; background: #fff; color: #1c1c1e;
  box-shadow: 0 6px 28px rgba(0, 0, 0, .28); border: 1px solid #c9ced6;
  font: max(1rem, 16px)/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start;
}
.box[hidden] { display: none; }
.announce { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.box.top { top: 1em; } .box.bottom { bottom: 1em; }
.box.left { left: 1em; } .box.right { right: 1em; }
@media (prefers-reduced-motion: no-preference) {
  .box { animation: friction-help-in .18s ease-out; }
  @keyframes friction-help-in { from { opacity: 0; transform: translateY(.5em); } to { opacity: 1; transform: none; } }
}
.head { display: flex; align-items: flex-start; gap: .5em; }
h2 { flex: 1; margin: 0; font-size: 1.1em; line-height: 1.3; font-weight: 700; }
p { margin: .4em 0; }
.why { color: #45454a; }
.reference { font-size: 1.15em; font-weight: 700; letter-spacing: .04em; white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: .5em; margin-top: .75em; }
button, a.action {
  font: inherit; font-size: .95em; padding: .45em .9em; border-radius: 8px; cursor: pointer;
  border: 2px solid #1d3b53; background: #fff; color: #1d3b53; text-decoration: none;
}
button.primary, a.action.primary { background: #1d3b53; color: #fff; }
button.close { border: 0; padding: .1em .4em; font-size: 1.3em; line-height: 1; color: #45454a; }
button:focus-visible, a.action:focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
`;
