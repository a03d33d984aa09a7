// The shop's own script. Help in context comes from the SDK's help widget: the shop only says
// what to offer for each place where it knows its pages can get in the way (the planted
// friction), each with a person within reach. A hand-off opens the shop's chat with the
// reference the visitor was given. Consent is the SDK's own panel.
(function shop() {
  const byId = (id) => document.getElementById(id);
  const register = (match, content) => window.friction('help-register', match, content);
  const person = { label: 'Talk to a person', person: true };
  const email = { label: 'Email us', href: 'mailto:help@northwind.example' };

  // The product page's planted friction, one by one.
  register('#apply-coupon', {
    title: 'Coupon not applying?',
    text: 'Our coupon box is broken today, sorry. A person can apply the discount to your order.',
    actions: [person],
  });
  register('#compare', {
    title: 'Compare is not working',
    text: 'Sorry, comparing is broken right now. A person can tell you how our scarves differ.',
    actions: [person],
  });
  register('#save-wishlist', {
    title: 'Your wishlist did not save',
    text: 'We could not save it. A person can put the scarf aside for you.',
    actions: [person],
  });
  register('#size-guide', {
    title: 'The size guide is not online yet',
    text: 'All our scarves are 180 × 30 cm. A person can answer any other question.',
    actions: [person],
  });
  register({ kind: 'slow_response' }, {
    title: 'Taking a while?',
    text: 'Our delivery checker is slow today. Deliveries in Europe take 2 to 4 days.',
    actions: [person],
  });
  // The checkout form, and a long help page to search through.
  register('/checkout', {
    title: 'Trouble with the form?',
    text: 'A person can take your order by email or on the phone.',
    actions: [person, email],
  });
  register({ kind: 'scroll_thrash' }, {
    title: 'Looking for something?',
    text: 'Ask a person: they answer within the hour.',
    actions: [person],
  });
  // Anything else on any page.
  for (const kind of ['rage_click', 'dead_click', 'error_click', 'form_struggle', 'quick_back', 'cursor_thrash', 'hesitation'])
    register({ kind }, { title: 'Need a hand?', text: 'Sorry for the trouble. A person can help.', actions: [person, email] });

  // The site's side of a hand-off: its chat opens with the reference, so the agent, who sees
  // the same reference in their view, picks up the visitor's story.
  window.friction('on', 'handoff', ({ reference, shared }) => {
    const chat = byId('chat');
    if (!chat) return;
    byId('chat-text').textContent = shared
      ? `Northwind chat: an agent has your reference ${reference} and the summary of your visit. They will answer here in a moment.`
      : `Northwind chat: an agent has your reference ${reference}. They will answer here in a moment.`;
    chat.hidden = false;
  });
})();
