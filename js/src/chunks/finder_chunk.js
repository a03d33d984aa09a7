// Chunk: the element finder's overlay and search, loaded when the page is opened from the
// dashboard's "open on the page" link (finder/index.js).
export { showFinder } from '../finder/show_finder.js';
