// What the core needs to tell the device class (sdk/signals/device_class.h): whether the
// primary pointer is coarse (a finger) and the viewport's width in CSS px. The core turns them
// into "touch"/"mouse" and "narrow"/"medium"/"wide"; neither number leaves the browser.
// Never throws: a browser without matchMedia reads as a mouse, an unknown width as 0 (unknown).
export function measureDevice() {
  let coarse = false;
  let width = 0;
  try {
    coarse = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
  } catch { /* an old or odd browser: a mouse */ }
  try {
    width = Number(window.innerWidth) || 0;
  } catch { /* unknown */ }
  return { coarse: Boolean(coarse), width };
}
