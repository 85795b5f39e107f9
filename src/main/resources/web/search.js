// archive: search as you type on the search page. Without this file the page works as a form.
(function () {
  'use strict';
  const input = document.getElementById('q');
  const main = document.getElementById('main');
  if (!input || !main || !window.fetch) return;
  let timer = 0;
  let controller = null;

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
    if (q.length < 2) return;
    if (controller) controller.abort();
    controller = new AbortController();
    const params = new URLSearchParams(location.search);
    params.set('q', q);
    params.delete('page');
    try {
      const response = await fetch('/api/search?' + params, { signal: controller.signal });
      const body = await response.json();
      if (!response.ok) { render(q, null, body.error); return; }
      history.replaceState(null, '', '/search?' + params);
      document.title = q + ' — search';
      render(q, body, null);
    } catch (err) {
      if (err.name !== 'AbortError') render(q, null, 'Search is unavailable right now.');
    }
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  // Snippets are escaped text whose only markup is <mark>: rebuild them as nodes, never as HTML.
  function snippet(text) {
    const frag = document.createDocumentFragment();
    text.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
      const m = /^<mark>(.*)<\/mark>$/.exec(part);
      frag.append(m ? el('mark', {}, unescape(m[1])) : unescape(part));
    });
    return frag;
  }

  function unescape(s) {
    return s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e) =>
      ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]);
  }

  function safe(url) { return /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : '#'; }

  function hit(r) {
    const meta = el('p', { class: 'meta' });
    if (r.date) meta.append(el('time', { datetime: r.date }, r.date));
    for (const tag of r.tags) {
      meta.append(' ', el('a', { class: 'tag', href: '/archive/tag/' + encodeURIComponent(tag) }, '#' + tag));
    }
    const article = el('article', {},
      el('h2', {}, el('a', { href: safe(r.url) }, r.title)), meta,
      el('p', { class: 'snippet' }, snippet(r.snippet)));
    if (r.sections.length) {
      const list = el('ul', { class: 'sections' });
      for (const s of r.sections) {
        const item = el('li', {}, el('a', { href: safe(s.url) }, s.heading));
        if (s.snippet !== r.snippet) item.append(' ', el('span', { class: 'snippet' }, snippet(s.snippet)));
        list.append(item);
      }
      article.append(list);
    }
    return el('li', { class: 'hit' }, article);
  }

  // This page's address with the query typed and other parameters changed; year, tag, sort kept.
  function href(q, changes) {
    const p = new URLSearchParams(location.search);
    p.set('q', q);
    p.delete('page');
    for (const [k, v] of Object.entries(changes)) p.set(k, v);
    return '/search?' + p;
  }

  function size() { return Number(new URLSearchParams(location.search).get('size')) || 10; }

  // Best match, newest, oldest: the page's own sort links, rebuilt.
  function sortLinks(q) {
    const current = new URLSearchParams(location.search).get('sort') || 'relevance';
    const nav = el('nav', { class: 'sort', 'aria-label': 'Sort' }, 'Sort: ');
    for (const [value, label] of [['relevance', 'best match'], ['-date', 'newest'], ['date', 'oldest']]) {
      nav.append(value === current ? el('strong', { 'aria-current': 'true' }, label)
        : el('a', { href: href(q, { sort: value }) }, label), ' ');
    }
    return nav;
  }

  // Counts by year and tag, as links that narrow the search (the page's own markup, rebuilt).
  function facets(q, body) {
    const f = body.facets;
    if (!f || (!f.years.length && !f.tags.length)) return null;
    const params = new URLSearchParams(location.search);
    const aside = el('aside', { class: 'facets', 'aria-label': 'Refine' });
    const link = (key, value, label, count) => {
      const a = el('a', { href: href(q, { [key]: value }) }, label);
      if (params.get(key) === String(value)) a.setAttribute('aria-current', 'true');
      return el('li', {}, a, ' ', el('span', { class: 'count' }, String(count)));
    };
    if (f.years.length) {
      aside.append(el('h2', {}, 'Year'), el('ul', {}, ...f.years.map((y) => link('year', y.year, String(y.year), y.count))));
    }
    if (f.tags.length) {
      aside.append(el('h2', {}, 'Tag'), el('ul', {}, ...f.tags.map((t) => link('tag', t.tag, '#' + t.tag, t.count))));
    }
    return aside;
  }

  function render(q, body, error) {
    const section = el('section', { class: 'results', 'aria-labelledby': 'summary' });
    if (error) {
      section.append(el('h1', { class: 'summary error', role: 'alert', id: 'summary' }, error));
    } else {
      const n = body.total;
      section.append(el('h1', { id: 'summary', class: 'summary', 'aria-live': 'polite' },
        (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') + ' for ', el('q', {}, q)));
      if (body.note) section.append(el('p', { class: 'note' }, body.note));
      if (body.didYouMean) {
        section.append(el('p', { class: 'dym' }, 'Did you mean ',
          el('a', { href: '/search?q=' + encodeURIComponent(body.didYouMean) }, body.didYouMean), '?'));
      }
      if (n > 0) section.append(sortLinks(q));
      const list = el('ol', { class: 'hits' });
      body.results.forEach((r) => list.append(hit(r)));
      section.append(list);
      const pages = Math.min(Math.ceil(n / size()), Math.floor(1000 / size()));
      if (pages > 1) {
        section.append(el('nav', { class: 'pager', 'aria-label': 'Pages' },
          el('span', {}, 'Page 1 of ' + pages), ' ', el('a', { rel: 'next', href: href(q, { page: 2 }) }, 'Next →')));
      }
    }
    const aside = body ? facets(q, body) : null;
    main.replaceChildren(el('div', { class: 'layout' }, section, aside));
  }
})();
