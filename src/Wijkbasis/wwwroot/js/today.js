// Keeps the counts on "Vandaag" live: every 20 seconds the numbers are fetched again.
(function () {
  const list = document.querySelector('[data-live]');
  if (!list) return;
  async function refresh() {
    const response = await fetch(list.dataset.live, { credentials: 'same-origin' });
    if (!response.ok || response.redirected) return;
    const counts = await response.json();
    for (const [id, values] of Object.entries(counts)) {
      const tally = list.querySelector('[data-session="' + id + '"]');
      if (!tally) continue;
      for (const [key, value] of Object.entries(values)) {
        const cell = tally.querySelector('[data-count="' + key + '"]');
        if (cell) cell.textContent = value;
      }
    }
  }
  setInterval(refresh, 20000);
})();
