// The report's trend charts: Chart.js draws each canvas from the same numbers as the data table beside it
// (data-labels / data-values). Without JavaScript the table and the summary sentence carry everything.
(function () {
  'use strict';
  function draw() {
    if (typeof window.Chart === 'undefined') { return; }
    document.querySelectorAll('.wb-chart canvas[data-values]').forEach(function (canvas) {
      var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
      var values = JSON.parse(canvas.getAttribute('data-values') || '[]');
      // eslint-disable-next-line no-new
      new window.Chart(canvas, {
        type: 'bar',
        data: { labels: labels, datasets: [{ label: canvas.getAttribute('data-name'), data: values, backgroundColor: '#1d4f91' }] },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }
  // With the charts drawn, their data tables fold away on screen (one tap opens them) so the report stays short; for
  // the browser's print every table opens again. Without JavaScript they stay open.
  function fold() {
    if (typeof window.Chart === 'undefined') { return; }
    document.querySelectorAll('details.wb-chart-data[open]').forEach(function (d) { d.open = false; d.setAttribute('data-folded', ''); });
  }
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details[data-folded]').forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', fold);
  function start() { draw(); fold(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
