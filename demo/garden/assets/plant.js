// A plant's page: the name comes from the id in the path; "Add to basket" answers at once.
const id = Number(location.pathname.split('/').pop());
const names = { 100: 'Boston fern', 101: 'Snake plant', 102: 'Peace lily', 103: 'Rubber fig' };
document.getElementById('plant-name').textContent = names[id] || `Plant no. ${id}`;
document.getElementById('add-basket').addEventListener('click', () => {
  document.getElementById('plant-status').textContent = 'Added to your basket.';
});
