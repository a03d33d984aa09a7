// The lookbook's one working look-alike: the Fjord card shows (or hides) what the look is made of.
(function gallery() {
  const details = document.getElementById('live-card-details');
  document.getElementById('live-card').addEventListener('click', () => {
    details.hidden = !details.hidden;
  });
})();
