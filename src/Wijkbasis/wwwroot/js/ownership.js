// The trap van eigenaarschap: Chart.js draws the median per ingrediënt of this round and the round before, from the same
// numbers as the table beside it. Without JavaScript the table carries everything.
(function () {
  'use strict';
  function draw() {
    if (typeof window.Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-ownership]').forEach(function (canvas) {
      var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
      var datasets = [{ label: canvas.getAttribute('data-now-name'), data: JSON.parse(canvas.getAttribute('data-now') || '[]'), backgroundColor: '#1d4f91' }];
      var beforeName = canvas.getAttribute('data-before-name');
      if (beforeName) {
        datasets.unshift({ label: beforeName, data: JSON.parse(canvas.getAttribute('data-before') || '[]'), backgroundColor: '#9fb3cf' });
      }
      // eslint-disable-next-line no-new
      new window.Chart(canvas, {
        type: 'bar',
        data: { labels: labels, datasets: datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y', scales: { x: { min: 0, max: 5, ticks: { stepSize: 1 } } } }
      });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
