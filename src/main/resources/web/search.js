// archive: search as you type on the search page. Without this file the page works as a form.
// The results are the server's own markup (/search/results), so the page shows the same thing
// with and without JavaScript: filters, facets, sort, pager, notes and tips.
(function () {
  'use strict';
  const input = document.getElementById('q');
  const main = document.getElementById('main');
  const status = document.getElementById('status');
  if (!input || !main || !window.fetch || !window.DOMParser) return;
  const home = document.title;
  let timer = 0;
  let slow = 0;
  let controller = null;
  let shown = input.value.trim();

  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement ||
      t instanceof HTMLSelectElement || (t && t.isContentEditable);
    if (e.key === '/' && !typing) { e.preventDefault(); input.focus(); input.select(); }
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && (t === input || inHits(t))) {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    }
  });

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });

  function inHits(node) { return node && node.closest && node.closest('.hits'); }

  function move(step) {
    const links = Array.from(main.querySelectorAll('.hit h2 a, .hit .sections a'));
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    const next = at < 0 ? (step > 0 ? 0 : links.length - 1) : at + step;
    if (next < 0) { input.focus(); return; }
    links[Math.min(next, links.length - 1)].focus();
  }

  async function run() {
    const q = input.value.trim();
    if (q === shown || q.length === 1) return; // one letter finds too much to be worth it
    if (controller) controller.abort();
    const mine = controller = new AbortController();
    const params = new URLSearchParams(location.search);
    params.delete('page');
    if (q) params.set('q', q); else params.delete('q');
    // Stale results are dimmed when an answer takes a while, so nobody reads them as current.
    clearTimeout(slow);
    slow = setTimeout(() => main.classList.add('loading'), 300);
    try {
      const response = await fetch('/search/results?' + params, { signal: mine.signal });
      const root = new DOMParser().parseFromString(await response.text(), 'text/html')
        .getElementById('results');
      if (!root) throw new Error('no results in the answer');
      shown = q;
      history.replaceState(null, '', q ? '/search?' + params : '/');
      document.title = root.dataset.title || home;
      main.replaceChildren(...Array.from(root.childNodes, (n) => document.importNode(n, true)));
      status.textContent = root.dataset.status || '';
    } catch (err) {
      if (err.name === 'AbortError') return;
      status.textContent = 'Search is unavailable right now.';
    } finally {
      if (mine === controller) {
        clearTimeout(slow);
        main.classList.remove('loading');
      }
    }
  }
})();
