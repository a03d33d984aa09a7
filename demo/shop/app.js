// The shop's own script: help offered in context when the SDK decides the visitor is stuck
// (friction.on('help'): at the first rage click or error, or when troubles add up; never twice
// in a row). Consent is the SDK's own panel, opened on a first visit and from its Privacy button.
(function shop() {
  const byId = (id) => document.getElementById(id);

  // Help in context: what the shop says depends on the kind of trouble and where it is.
  const what = (found) => (found.target.label ? `“${found.target.label}”` : 'this');
  const messages = {
    rage_click: (f) => `Looks like ${what(f)} is not working for you. Sorry! A person can sort it out for you.`,
    dead_click: (f) => `${what(f)} did not respond. Sorry! A person can do it for you.`,
    error_click: (f) => `Something went wrong with ${what(f)}. It is our fault, not yours.`,
    slow_response: () => 'That took a while. Thanks for your patience.',
    form_struggle: () => 'This form giving you trouble? A person can take your order by email.',
    scroll_thrash: () => 'Looking for something? Ask a person: they answer within the hour.',
    hesitation: (f) => `Not sure about ${what(f)}? Ask us anything before you decide.`,
    cursor_thrash: () => 'Lost? A person can help.',
    quick_back: () => 'Not what you expected? Tell us what you are looking for.',
  };
  window.friction('on', 'help', (offer) => {
    const help = byId('help');
    if (!help || !messages[offer.cause]) return;
    byId('help-text').textContent = messages[offer.cause](offer);
    help.hidden = false;
  });
  // "No thanks" is heard: no new offer on this page for a while.
  const close = byId('help-close');
  if (close) {
    close.addEventListener('click', () => {
      byId('help').hidden = true;
      window.friction('help-dismiss');
    });
  }
})();
