// Target against actual on an agreement's page and in the report: Chart.js draws bars (actual) and a line (the target)
// from the same numbers as the table beside it. Without JavaScript the table and the summary carry everything.
(function () {
  'use strict';
  function draw() {
    if (typeof window.Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-targets]').forEach(function (canvas) {
      var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
      var values = JSON.parse(canvas.getAttribute('data-values') || '[]');
      var targets = JSON.parse(canvas.getAttribute('data-targets') || '[]');
      // eslint-disable-next-line no-new
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: labels,
          datasets: [
            { type: 'line', label: canvas.getAttribute('data-target-name'), data: targets, borderColor: '#b3261e', backgroundColor: '#b3261e', pointRadius: 0, stepped: 'middle' },
            { label: canvas.getAttribute('data-name'), data: values, backgroundColor: '#1d4f91' }
          ]
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
      });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
