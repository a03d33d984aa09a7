// Draws the problems table's sparklines with uPlot (served from node_modules, no CDN), from
// each cell's data-series: daily page views, oldest first. An enhancement only: the cell's text
// says the peak and the table carries the totals, so without uPlot nothing is lost.
(() => {
  'use strict';
  if (typeof window.uPlot !== 'function') return;

  const WIDTH = 120;
  const HEIGHT = 32;
  // The colour is the stylesheet's (--spark), where its contrast is checked.
  const stroke = getComputedStyle(document.documentElement).getPropertyValue('--spark').trim() || '#b3263e';

  function seriesOf(cell) {
    const text = (cell.dataset.series || '').trim();
    if (!text) return [];
    return text.split(/\s+/).map(Number).filter((n) => Number.isFinite(n) && n >= 0);
  }

  for (const cell of document.querySelectorAll('td.spark[data-series]')) {
    const views = seriesOf(cell);
    if (views.length < 2) continue;  // one day is not a line
    const days = views.map((_, i) => i);
    const holder = document.createElement('div');
    holder.className = 'spark-chart';
    holder.setAttribute('aria-hidden', 'true');  // the cell's text is what is read
    cell.prepend(holder);
    new window.uPlot({
      width: WIDTH,
      height: HEIGHT,
      pxAlign: false,
      cursor: { show: false },
      select: { show: false },
      legend: { show: false },
      // From 0, so that a flat line of small numbers does not look like a spike.
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke, width: 1.5, points: { show: false } }],
    }, [days, views], holder);
    cell.classList.add('drawn');
  }
})();
