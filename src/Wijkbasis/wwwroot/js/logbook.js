// The logbook at the door. Without JavaScript every form works on its own (it posts and the page comes back).
// With it: the matches load while typing, Enter checks in the one person found, and every form marked
// data-live is sent in the background; the server answers with the parts of the page that changed
// (same handlers, same authorization and antiforgery token) and focus goes back where the work goes on.
// A check-in is answered by the live check-in endpoint (Features/Logbook/LiveCheckIn.cs) with its message as JSON;
// the parts of the page that changed are then fetched with a GET.
(function () {
  const search = document.querySelector('form[data-typeahead]');
  const input = search ? search.querySelector('input[name="q"]') : null;
  const results = document.getElementById('resultaten');
  const LIVE = { 'X-Logbook-Live': '1' };
  // A check-in is answered as JSON by the live check-in endpoint; the other forms by the page with its HTML parts.
  const LIVE_POST = { 'X-Logbook-Live': '1', 'Accept': 'application/json, text/html' };

  // A refused form on a full page load: the reader starts at the list of what to fix.
  const refused = document.getElementById('fouten');
  if (refused) { refused.setAttribute('tabindex', '-1'); refused.focus(); }
  // "Logboek afsluiten" shows a summary to confirm at the top.
  const confirm = document.getElementById('afsluiten');
  if (confirm) confirm.focus();

  // --- type-ahead ---------------------------------------------------------------------------------
  let timer = 0;
  let latest = 0;
  async function loadMatches() {
    const ticket = ++latest;
    const url = search.dataset.typeahead + '&q=' + encodeURIComponent(input.value);
    const response = await fetch(url, { credentials: 'same-origin' });
    // Logged out in the meantime (the answer is the login page): show that page instead of pasting it in.
    if (response.redirected) { window.location.assign(response.url); return false; }
    if (!response.ok || ticket !== latest) return false;
    results.innerHTML = await response.text();
    return true;
  }
  if (search && input && results) {
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(loadMatches, 200);
    });
    // Enter: one match is checked in at once; more matches: focus goes to the first, to choose with the keyboard.
    input.addEventListener('keydown', async function (event) {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      clearTimeout(timer);
      if (!input.value.trim() || !(await loadMatches())) return;
      const buttons = results.querySelectorAll('form[data-live] button[type="submit"]');
      const found = results.querySelectorAll('li');
      if (buttons.length === 1 && found.length === 1) {
        send(buttons[0].form, buttons[0]);
      } else if (buttons.length > 0) {
        buttons[0].focus();
      }
    });
  }

  // --- live forms ----------------------------------------------------------------------------------
  const busy = new WeakSet();
  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-live')) return;
    event.preventDefault();
    send(form, event.submitter);
  });

  async function send(form, submitter) {
    // A second tap while the first is on its way does nothing (the server also does the work only once).
    if (busy.has(form)) return;
    busy.add(form);
    const focusId = submitter && submitter.id;
    let response;
    try {
      response = await fetch(form.action, {
        method: 'POST', credentials: 'same-origin', headers: LIVE_POST, body: new FormData(form, submitter || undefined),
      });
    } catch (e) {
      busy.delete(form);
      form.submit();
      return;
    }
    if (response.redirected) { busy.delete(form); window.location.assign(response.url); return; }
    const type = response.headers.get('content-type') || '';
    let applied = false;
    if ([200, 400, 409].includes(response.status) && type.includes('application/json')) {
      applied = await answered(await response.json());
    } else if ((response.status === 200 || response.status === 400) && type.includes('text/html')) {
      applied = apply(await response.text()) > 0;
    }
    busy.delete(form);
    if (!applied) {
      // Not a part of the page (forbidden, gone, an error): let the browser post and show the full answer.
      form.submit();
      return;
    }
    const error = document.querySelector('#meldingen #fouten');
    if (error) {
      // A refusal from a live post: the summary from an earlier full page is stale.
      document.querySelectorAll('#fouten').forEach(function (e) { if (!e.closest('#meldingen')) e.remove(); });
      error.setAttribute('tabindex', '-1');
      error.focus();
      return;
    }
    if (form.hasAttribute('data-reset')) form.reset();
    const again = focusId && document.getElementById(focusId);
    if (again) {
      again.focus();
    } else if (input) {
      input.value = '';
      input.focus();
    }
  }

  // The live check-in's answer: the message, and where the changed parts of the page are.
  async function answered(answer) {
    if (typeof answer.message !== 'string') return false;
    if (answer.refresh) {
      const parts = await fetch(answer.refresh, { credentials: 'same-origin', headers: LIVE });
      if (parts.redirected) { window.location.assign(parts.url); return true; }
      if (parts.ok) apply(await parts.text());
    }
    const messages = document.getElementById('meldingen');
    if (!messages) return false;
    const alert = document.createElement('div');
    const text = document.createElement('p');
    text.className = 'utrecht-paragraph';
    text.textContent = answer.message;
    alert.appendChild(text);
    if (answer.refused) {
      alert.className = 'utrecht-alert utrecht-alert--error';
      alert.setAttribute('role', 'alert');
      alert.id = 'fouten';
    } else {
      alert.className = 'utrecht-alert utrecht-alert--ok';
      alert.setAttribute('role', 'status');
    }
    messages.replaceChildren(alert);
    return true;
  }

  // Puts the parts of an answer in place; returns how many there were.
  function apply(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const parts = template.content.querySelectorAll('[data-live-part]');
    parts.forEach(function (part) {
      const target = document.getElementById(part.id) || document.querySelector('[data-live-options="' + part.id + '"]');
      if (!target) return;
      if (target.tagName === 'SELECT') {
        const chosen = target.value;
        target.innerHTML = part.innerHTML;
        target.value = chosen;
        if (target.value !== chosen) target.value = '';
      } else {
        target.innerHTML = part.innerHTML;
      }
    });
    return parts.length;
  }
})();
