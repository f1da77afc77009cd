// Type-ahead for the logbook: as you type, the matches load without leaving the page.
// Without JavaScript the search form still works (it submits and the page shows the matches).
(function () {
  const form = document.querySelector('form[data-typeahead]');
  if (!form) return;
  const input = form.querySelector('input[name="q"]');
  const target = document.getElementById('resultaten');
  let timer = 0;
  let latest = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const ticket = ++latest;
      const url = form.dataset.typeahead + '&q=' + encodeURIComponent(input.value);
      const response = await fetch(url, { credentials: 'same-origin' });
      // Logged out in the meantime (the answer is the login page): show that page instead of pasting it in.
      if (response.redirected) { window.location.assign(response.url); return; }
      if (!response.ok || ticket !== latest) return;
      target.innerHTML = await response.text();
    }, 200);
  });
})();
