// The ES module install: no script tag settings, init() options instead.
import { init } from '/dist/friction.mjs';

const friction = await init({ site: 'demo', routes: ['/shop/:page'] });
window.friction = friction;
friction.on('friction', ({ kind, step }) => {
  document.getElementById('heard').textContent = `heard ${kind} on ${step}`;
});
