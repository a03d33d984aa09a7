// The consent panel's CSS, adopted into its shadow root (see dom.js adoptStyles).
// Colours meet WCAG 2.2 AA: body text #1c1c1e and #45454a on white (17:1, 9:1), white on the
// button blue #1d3b53 (11:1), focus ring #0a58ca against white (6:1). The three choices share
// one style: equal weight, none of them nudged. Title and choices stay in view and only the
// explanation between them scrolls: Accept and Reject are always on screen, side by side, and
// nothing focused can hide under them.
export const PANEL_CSS = `
:host { all: initial !important; }
dialog {
  box-sizing: border-box; width: min(42em, calc(100% - 2em)); max-width: calc(100% - 2em); max-height: calc(100% - 2em);
  margin: auto; padding: 0; border: 0; border-radius: 12px; overflow: hidden;
  background: #fff; color: #1c1c1e; box-shadow: 0 10px 40px rgba(0, 0, 0, .35);
  font: max(1rem, 16px)/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
}
dialog[open] { display: flex; flex-direction: column; }
dialog.ahead:not([open]) { display: flex; flex-direction: column; position: fixed; inset: 0; visibility: hidden; pointer-events: none; }
dialog.wide { width: min(56em, calc(100% - 2em)); }
dialog::backdrop { background: rgba(16, 22, 28, .55); }
dialog:focus, h2:focus { outline: none; }
*, *::before, *::after { box-sizing: border-box; }
.head { flex: none; display: flex; align-items: flex-start; gap: 1em; padding: 1.25em 1.5em .25em; }
h2 { flex: 1; margin: 0; font-size: 1.3em; line-height: 1.3; font-weight: 700; }
h3 { margin: 1em 0 .25em; font-size: 1em; font-weight: 700; }
p, ul, ol { margin: .5em 0; }
ul, ol { padding-inline-start: 1.25em; }
li { margin: .15em 0; }
.body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding: 0 1.5em .25em; }
.body:focus-visible { outline: 3px solid #0a58ca; outline-offset: -3px; }
.muted { color: #45454a; font-size: .9em; }
.status { margin: .75em 0 0; padding: .5em .75em; border-radius: 8px; background: #eef2f6; }
.columns { display: grid; gap: 0 1.5em; }
@media (min-width: 44em) { .columns { grid-template-columns: 1fr 1fr; } .wide .columns { grid-template-columns: 3fr 2fr; } }
.choices { flex: none; display: grid; grid-template-columns: repeat(3, 1fr); gap: .75em; padding: 1em 1.5em .5em; border-top: 1px solid #d8dde3; }
@media (max-width: 32em) { .choices { grid-template-columns: 1fr; gap: .5em; } }
.choice {
  min-height: 2.75em; padding: .6em 1em; border: 2px solid #1d3b53; border-radius: 8px;
  background: #1d3b53; color: #fff; font: inherit; font-weight: 600; cursor: pointer;
}
.choice:hover { background: #12283a; border-color: #12283a; }
.close {
  flex: none; width: 2.75em; height: 2.75em; margin: -.4em -.6em 0 0; padding: 0; border: 2px solid transparent;
  border-radius: 8px; background: transparent; color: #1c1c1e; font: inherit; font-size: 1.25em; line-height: 1; cursor: pointer;
}
.close:hover { background: #eef2f6; }
.more { flex: none; margin: 0; padding: .25em 1.5em 1.25em; }
.link {
  padding: .25em 0; border: 0; background: none; color: #1a4f8b; font: inherit;
  text-decoration: underline; text-underline-offset: .15em; cursor: pointer;
}
.link:hover { color: #0d3463; }
button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
.purpose { display: grid; grid-template-columns: auto 1fr; gap: .25em .75em; align-items: center; margin: 1em 0; }
.purpose label { font-weight: 600; }
.purpose p { grid-column: 2; margin: 0; }
input[role="switch"] {
  appearance: none; width: 2.75em; height: 1.5em; margin: 0; border: 2px solid #45454a; border-radius: 1em; cursor: pointer;
  background: radial-gradient(circle at .65em 50%, #fff .45em, transparent .5em) #6b6b70;
}
input[role="switch"]:checked {
  border-color: #1d3b53; background: radial-gradient(circle at calc(100% - .65em) 50%, #fff .45em, transparent .5em) #1d3b53;
}
@media (forced-colors: active) { input[role="switch"] { appearance: auto; } }
.batches { padding: 0; list-style: none; }
.batches > li { margin: 0 0 .75em; padding: .5em .75em; border-radius: 8px; background: #f5f7f9; }
.batch-head { margin: 0 0 .25em; font-weight: 600; }
details { margin: .25em 0 0; }
summary { cursor: pointer; color: #1a4f8b; }
pre { margin: .25em 0 0; white-space: pre-wrap; word-break: break-all; font: .85em/1.4 ui-monospace, Menlo, Consolas, monospace; }
@media (prefers-reduced-motion: no-preference) {
  dialog[open] { animation: friction-panel-in .16s ease-out; }
  @keyframes friction-panel-in { from { opacity: 0; transform: translateY(.5em); } to { opacity: 1; transform: none; } }
}
`;
