// The finder's CSS, adopted into its shadow root (panel/dom.js adoptStyles). Everything is fixed
// to the viewport and ignores the pointer but the bar's button: the page underneath stays
// usable and nothing in it moves.
export const FINDER_CSS = `
:host { all: initial !important; }
*, *::before, *::after { box-sizing: border-box; }
.outline {
  position: fixed; z-index: 2147483645; pointer-events: none; border-radius: 4px;
  outline: 3px solid #c2185b; outline-offset: 2px; box-shadow: 0 0 0 5px rgba(255, 255, 255, .85);
}
.outline[hidden] { display: none; }
.tag {
  position: absolute; left: -3px; bottom: calc(100% + 6px); max-width: 24em; padding: .15em .5em;
  border-radius: 4px; background: #c2185b; color: #fff; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; font: 600 13px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.bar {
  position: fixed; z-index: 2147483646; top: .75em; left: 50%; transform: translateX(-50%);
  width: min(36em, calc(100vw - 1.5em)); display: flex; gap: .75em; align-items: flex-start;
  padding: .6em .8em; border-radius: 10px; background: #fff; color: #1c1c1e; border: 2px solid #c2185b;
  box-shadow: 0 6px 28px rgba(0, 0, 0, .28); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.bar p { margin: 0; flex: 1; }
.bar small { display: block; color: #45454a; }
button {
  font: inherit; padding: .3em .8em; border-radius: 8px; cursor: pointer; border: 1px solid #767680;
  background: #fff; color: #1c1c1e;
}
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
`;
