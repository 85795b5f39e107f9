/* archive embed: an <archive-search> box for any blog page. No dependencies; indexed text
 * reaches the page only as text nodes and attributes. See docs/embed.md. */
(() => {
'use strict';
const TAG = 'archive-search';
// Engines too old for this keep the page's fallback form.
if (!window.customElements || !('adoptedStyleSheets' in Document.prototype) || !window.CSS.supports('color', 'light-dark(#000,#fff)')
  || customElements.get(TAG)) return;

// Read now: currentScript is null after this first run.
let scriptOrigin = '';
try { scriptOrigin = new URL(document.currentScript.src).origin; } catch (e) { /* inline copy */ }

const MAX_QUERY = 200;
// The box says "1000+ results" beyond this: counting every match of a common word costs the server.
const COUNT_UP_TO = 1000;

const CSS = `
:host{display:block;position:relative;box-sizing:border-box;width:var(--archive-width,100%);max-width:100%;
font-family:var(--archive-font,inherit);
--_accent:var(--archive-accent,light-dark(#2458d6,#8ab4ff));--_bg:var(--archive-bg,light-dark(#fff,#1c1c21));
--_fg:var(--archive-fg,light-dark(#1d1d1f,#ececf1));--_muted:var(--archive-muted,light-dark(#62626b,#a3a3ad));
--_border:var(--archive-border,light-dark(#c9c9d1,#46464f));--_radius:var(--archive-radius,6px);
--_hl:color-mix(in srgb,var(--_accent) 12%,var(--_bg));--_mark:color-mix(in srgb,var(--_accent) 22%,transparent)}
:host([hidden]),[hidden]{display:none}
*{box-sizing:border-box}
form{margin:0}
input{width:100%;margin:0;padding:.5em .75em;font:inherit;color:var(--_fg);background:var(--_bg);
border:1px solid var(--_border);border-radius:var(--_radius);outline:none}
input::placeholder{color:var(--_muted);opacity:1}
input:focus-visible{border-color:var(--_accent);box-shadow:0 0 0 2px var(--_accent)}
[role=listbox]{position:absolute;z-index:var(--archive-z,1000);top:calc(100% + 4px);left:0;right:0;
max-height:min(70vh,30rem);overflow-y:auto;overscroll-behavior:contain;padding:4px;
color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius);
box-shadow:0 8px 24px rgb(0 0 0/.18)}
[role=option]{display:block;padding:.45em .6em;border-radius:calc(var(--_radius) - 2px);color:inherit;
text-decoration:none;cursor:pointer;border-left:3px solid transparent}
[aria-selected=true]{background:var(--_hl);border-left-color:var(--_accent)}
[aria-disabled=true]{cursor:default;color:var(--_muted)}
[role=listbox].stale [role=option]{opacity:.55}
.busy{padding:.3em .6em;font-size:.85em;color:var(--_muted)}
.sec{margin-left:1.1em;padding-block:.2em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.title{font-weight:600;color:var(--_accent)}
.sec .title{font-weight:500}
.sec .snip{display:inline;margin-left:.4em}
.date{font-size:.85em;color:var(--_muted);margin-left:.5em}
.snip{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;font-size:.9em;line-height:1.4;overflow-wrap:anywhere}
ul{list-style:none;margin:0;padding:0}li{margin:.3em 0}
nav{color:var(--_fg)}h2{font-size:1em;margin:0 0 .4em}nav a{color:var(--_accent)}nav time{color:var(--_muted);font-size:.85em;margin-left:.4em}
a:focus-visible{outline:2px solid var(--_accent);outline-offset:2px;border-radius:2px}
mark{color:inherit;background:var(--_mark);border-radius:2px;padding:0 1px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (forced-colors:active){[aria-selected=true]{outline:2px solid Highlight}}`;

const sheet = new CSSStyleSheet(); // unlike a <style>, allowed by any CSP
sheet.replaceSync(CSS);

/** An element; strings become text nodes (append never parses HTML). */
function el(name, attrs, ...kids) {
  const e = document.createElement(name);
  for (const k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  e.append(...kids.filter((k) => k != null));
  return e;
}

/** A snippet's text with its matches ([start, end) offsets) in <mark>s: text nodes, never HTML. */
function snippet(text, matches) {
  if (typeof text !== 'string' || !text) return null;
  const kids = [];
  let at = 0;
  for (const [start, end] of Array.isArray(matches) ? matches.filter(Array.isArray) : []) {
    if (!(Number.isInteger(start) && Number.isInteger(end) && at <= start && start < end && end <= text.length)) continue;
    if (start > at) kids.push(text.slice(at, start));
    kids.push(el('mark', { part: 'mark' }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) kids.push(text.slice(at));
  return el('span', { class: 'snip' }, ...kids);
}

/** Whether two snippets are the same text with the same matches. */
const sameSnippet = (a, b) => a.snippetText === b.snippetText && String(a.snippetMatches) === String(b.snippetMatches);

/** An absolute URL for an http(s) or site-relative link; null for javascript:, //host and such. */
function safeUrl(raw) {
  if (typeof raw !== 'string' || !/^(https?:\/\/|\/(?![/\\]))/i.test(raw)) return null;
  try {
    const base = new URL(document.baseURI);
    const u = new URL(raw, base); // "/\t/host" is another origin: tabs are dropped
    return /^https?:$/.test(u.protocol) && (raw[0] !== '/' || u.origin === base.origin) ? u.href : null;
  } catch (e) {
    return null;
  }
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** 14 Feb 2022, as the archive's own pages write dates. */
function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${Number(m[3])} ${MONTHS[m[2] - 1]} ${m[1]}` : '';
}

/** The archive server a box talks to: data-endpoint, else where this script came from. */
function endpoint(host) {
  const ep = (host.getAttribute('data-endpoint') || '').trim() || scriptOrigin || location.origin;
  try { return new URL(ep, document.baseURI).href.replace(/\/+$/, ''); } catch (e) { return ep; }
}

const editable = (n) => n && n.nodeType === 1 && (/^(input|textarea|select)$/.test(n.localName) || n.isContentEditable);

// "/" focuses the first box on the page, unless one is typing elsewhere.
const boxes = new Set();
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.isComposing) return;
  if (editable(e.composedPath()[0])) return; // the focused field, even inside a shadow root
  const box = [...boxes].find((b) => b.isConnected && !b.hidden);
  if (box) {
    e.preventDefault();
    box.focus();
  }
});

let uid = 0;

class ArchiveSearch extends HTMLElement {
  static get observedAttributes() { return ['placeholder']; }

  constructor() {
    super();
    const id = (this._id = `archive-search-${++uid}`);
    this._cache = new Map(); // the last 20 answers, oldest first
    this._seq = 0; // answers to older requests are dropped
    this._active = -1;
    this._options = [];

    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];

    const input = (this._input = el('input', {
      id: `${id}-input`, type: 'search', name: 'q', part: 'input', role: 'combobox',
      'aria-expanded': 'false', 'aria-controls': `${id}-listbox`, 'aria-autocomplete': 'list',
      'aria-keyshortcuts': '/', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
      enterkeyhint: 'search', maxlength: MAX_QUERY,
    }));
    // tabindex -1: a scrolling list is otherwise a Tab stop in Chromium, and Tab must leave the box.
    const list = (this._list = el('div', { id: `${id}-listbox`, role: 'listbox', part: 'listbox', hidden: '', tabindex: '-1' }));
    this._live = el('div', { class: 'vh', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const form = el('form', { role: 'search', novalidate: '' }, input, list);
    root.append(form, this._live);

    form.addEventListener('submit', (e) => { e.preventDefault(); this._submit(); });
    input.addEventListener('input', () => this._changed());
    input.addEventListener('keydown', (e) => this._key(e));
    input.addEventListener('focus', () => this._open());
    const option = (e) => this._options.indexOf(e.target.closest && e.target.closest('[role=option]'));
    list.addEventListener('pointermove', (e) => {
      const i = option(e);
      if (i >= 0 && i !== this._active) this._setActive(i, false);
    });
    list.addEventListener('click', (e) => {
      const o = this._options[option(e)];
      if (o && o._run) { e.preventDefault(); o._run(); }
    });
    // Focus stays in the input while the mouse is on the list.
    list.addEventListener('mousedown', (e) => e.preventDefault());
    root.addEventListener('focusout', (e) => { if (!root.contains(e.relatedTarget)) this._close(); });
    this._outside = (e) => { if (!e.composedPath().includes(this)) this._close(); };
  }

  connectedCallback() {
    this.attributeChangedCallback();
    // The no-JS fallback form inside: no <slot> shows it, and it is hidden too.
    for (const f of this.querySelectorAll('form')) f.hidden = true;
    boxes.add(this);
    document.addEventListener('pointerdown', this._outside, true);
  }

  disconnectedCallback() {
    boxes.delete(this);
    document.removeEventListener('pointerdown', this._outside, true);
    clearTimeout(this._timer);
    if (this._ctrl) this._ctrl.abort();
  }

  attributeChangedCallback() {
    const text = this.getAttribute('placeholder') || 'Search the archive';
    this._input.placeholder = text;
    this._input.setAttribute('aria-label', text); // a placeholder alone is no label
  }

  focus(opts) { this._input.focus(opts); }

  _size() {
    const n = parseInt(this.getAttribute('results'), 10);
    return n > 0 ? Math.min(n, 20) : 8;
  }

  _endpoint() { return endpoint(this); }

  _query() { return this._input.value.trim().slice(0, MAX_QUERY); }

  _changed() {
    clearTimeout(this._timer);
    const q = this._query();
    if (q.length >= 2) {
      this._timer = setTimeout(() => this._search(q), 150);
      return;
    }
    if (this._ctrl) this._ctrl.abort();
    this._seq++;
    this._clear();
    this._close();
  }

  async _search(q) {
    // Counted exactly up to COUNT_UP_TO, without facets: the box shows neither more nor filters.
    const url = `${this._endpoint()}/api/search?q=${encodeURIComponent(q)}&size=${this._size()}&page=1`
      + `&count=${COUNT_UP_TO}&fields=url,title,path,date,snippetText,snippetMatches,sections`;
    const seq = ++this._seq;
    if (this._ctrl) this._ctrl.abort();
    this._ctrl = null;
    clearTimeout(this._slow);
    // A slow answer: what is shown is dimmed, and a line says a search is on its way.
    this._slow = setTimeout(() => {
      if (seq !== this._seq) return;
      this._list.classList.add('stale');
      if (!this._list.querySelector('.busy')) this._list.prepend(el('div', { class: 'busy', part: 'busy', 'aria-hidden': 'true' }, 'Searching…'));
      this._open();
    }, 300);
    try {
      let data = this._cache.get(url);
      if (!data) {
        const ctrl = (this._ctrl = new AbortController());
        const res = await fetch(url, { signal: ctrl.signal, credentials: 'omit', headers: { Accept: 'application/json' } });
        data = await res.json();
        // A 400 says what is wrong with the query: shown as a note.
        if (res.status === 400) data = { results: [], note: String(data.error), refused: true };
        else if (!res.ok || !Array.isArray(data.results)) throw new Error(`HTTP ${res.status}`);
      }
      this._cache.delete(url); // re-inserted as the newest
      this._cache.set(url, data);
      if (this._cache.size > 20) this._cache.delete(this._cache.keys().next().value);
      if (seq === this._seq) this._render(q, data);
    } catch (e) {
      if (seq !== this._seq || e.name === 'AbortError') return;
      this._clear();
      this._message('Search is unavailable');
      this._done('Search is unavailable');
    } finally {
      if (seq === this._seq) clearTimeout(this._slow);
    }
  }

  _clear() {
    this._list.classList.remove('stale');
    this._list.replaceChildren();
    this._options = [];
    this._setActive(-1);
  }

  _option(attrs, ...kids) {
    const o = el(attrs.href ? 'a' : 'div', {
      id: `${this._id}-opt-${this._options.length}`, role: 'option', part: 'option', 'aria-selected': 'false', tabindex: '-1', ...attrs,
    }, ...kids);
    this._options.push(o);
    this._list.append(o);
    return o;
  }

  _message(text) {
    this._list.append(el('div', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', part: 'option message' }, text));
  }

  /** Opens the list and says what it shows. */
  _done(heard) {
    this._open();
    this._announce(heard);
  }

  _render(q, data) {
    this._clear();
    const text = (v) => (typeof v === 'string' ? v.trim() : '');
    const total = Number.isFinite(data.total) ? data.total : data.results.length;
    const more = data.totalExact === false; // more than total matched: "1000+"
    const showSections = (this.getAttribute('sections') || '').trim().toLowerCase() !== 'false';
    const note = text(data.note);
    if (note) this._message(note);
    const dym = text(data.didYouMean);
    if (dym) {
      this._option({ part: 'option suggestion' }, 'Did you mean: ', el('strong', null, dym), '?')._run = () => {
        this._input.value = dym;
        this._changed();
        this._input.focus();
      };
    }
    let shown = 0;
    for (const r of data.results.slice(0, this._size())) {
      const href = r && safeUrl(r.url);
      if (!href) continue;
      const date = formatDate(r.date);
      this._option({ href }, el('span', { class: 'title' }, String(r.title || r.path || r.url)),
        date ? el('time', { class: 'date', datetime: r.date }, date) : null, snippet(r.snippetText, r.snippetMatches));
      shown++;
      let n = 0;
      for (const s of showSections && Array.isArray(r.sections) ? r.sections : []) {
        const anchor = text(s && s.anchor);
        // An unsafe URL drops the section; a missing one is made from the anchor.
        const sHref = s && (s.url ? safeUrl(s.url) : anchor && safeUrl(`${href.split('#')[0]}#${encodeURIComponent(anchor)}`));
        if (!sHref || n++ >= 2) continue;
        // A snippet the result shows already is not shown twice.
        this._option({ href: sHref, class: 'sec', part: 'option section' },
          el('span', { class: 'title' }, String(s.heading || anchor)), sameSnippet(s, r) ? null : snippet(s.snippetText, s.snippetMatches));
      }
    }
    const heard = dym ? `. Did you mean ${dym}?` : '';
    if (data.refused) return this._done(note);
    if (!shown) {
      this._message('No results');
      return this._done(`${note ? `${note} ` : ''}No results${heard}`);
    }
    if (more || total > shown) this._option({ href: this._fullUrl(q), part: 'option all' }, `All ${total}${more ? '+' : ''} results for “${q}”`);
    this._done(more ? `More than ${total} results${heard}` : `${total} result${total === 1 ? '' : 's'}${heard}`);
  }

  _announce(text) {
    // Emptied first, so that the same words are read again for a new query.
    this._live.textContent = '';
    clearTimeout(this._liveTimer);
    this._liveTimer = setTimeout(() => { this._live.textContent = text; }, 100);
  }

  _open() {
    if (!this._list.childNodes.length) return;
    this._list.hidden = false;
    this._input.setAttribute('aria-expanded', 'true');
  }

  _close() {
    this._list.hidden = true;
    this._input.setAttribute('aria-expanded', 'false');
    this._setActive(-1);
  }

  _setActive(i, scroll = true) {
    const prev = this._options[this._active];
    if (prev) prev.setAttribute('aria-selected', 'false');
    this._active = i;
    const cur = this._options[i];
    if (!cur) {
      this._input.removeAttribute('aria-activedescendant');
      return;
    }
    cur.setAttribute('aria-selected', 'true');
    this._input.setAttribute('aria-activedescendant', cur.id);
    if (scroll) cur.scrollIntoView({ block: 'nearest' });
  }

  _key(e) {
    if (e.isComposing) return;
    const n = this._options.length;
    const open = !this._list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!n) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this._open();
      this._setActive(this._active < 0 ? (step > 0 ? 0 : n - 1) : (this._active + step + n) % n);
    } else if (e.key === 'Enter') {
      const o = open && this._options[this._active];
      if (!o) return; // the form submits
      e.preventDefault();
      if (o._run) o._run();
      else location.assign(o.href);
    } else if (e.key === 'Escape') {
      e.preventDefault(); // the browser would clear the box too: the first Esc only closes
      if (open) this._close();
      else if (this._input.value) {
        this._input.value = '';
        this._changed();
      }
    }
  }

  _fullUrl(q) { return `${this._endpoint()}/search?q=${encodeURIComponent(q)}`; }

  _submit() {
    const q = this._query();
    const url = q && safeUrl(this._fullUrl(q));
    if (url) location.assign(url);
  }
}

/** <archive-related>: the entries of the archive most like the page it is placed on. */
class ArchiveRelated extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const n = Math.min(Math.max(parseInt(this.getAttribute('results'), 10) || 5, 1), 20);
    const canonical = document.querySelector('link[rel=canonical]');
    const page = this.getAttribute('url') || (canonical && canonical.href) || location.href;
    const heading = this.getAttribute('heading') || 'Related entries';
    const url = `${endpoint(this)}/api/related?url=${encodeURIComponent(page)}&size=${n}`;
    fetch(url, { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null))
      .then((data) => {
        const items = [];
        for (const r of data && Array.isArray(data.related) ? data.related : []) {
          const href = r && safeUrl(r.url);
          const date = r && formatDate(r.date);
          if (href) items.push(el('li', null, el('a', { href, part: 'link' }, String(r.title || href)),
            date ? el('time', { datetime: r.date }, date) : null));
        }
        // Nothing related, or no server: nothing is shown, not an error.
        if (items.length) root.append(el('nav', { 'aria-label': heading, part: 'related' }, el('h2', { part: 'heading' }, heading), el('ul', null, ...items)));
      })
      .catch(() => {});
  }
}

for (const [name, element] of [[TAG, ArchiveSearch], ['archive-related', ArchiveRelated]]) {
  try {
    customElements.define(name, element);
  } catch (e) { /* two copies of the script: the first one wins */ }
}
})();
