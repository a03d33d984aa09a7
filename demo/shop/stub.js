// The queue stub from the README: calls made before friction.js loads are kept and replayed.
// (Sites without a strict CSP can inline this line in a <script> tag.)
window.friction = window.friction || function () { (window.friction.q = window.friction.q || []).push(arguments); };
