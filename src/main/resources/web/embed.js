/* archive embed: <archive-search>, a search box for any blog page. No dependencies, no build step.
 * Data is only ever written with textContent/setAttribute. See docs/embed.md. */
(() => {
'use strict';
const TAG = 'archive-search';
if (!window.customElements || customElements.get(TAG)) return;

// Captured now: currentScript is null once this first run is over.
const script = document.currentScript;
const scriptOrigin = (() => {
  try { return script && script.src ? new URL(script.src).origin : ''; } catch (e) { return ''; }
})();

const MIN_CHARS = 2;
const MAX_QUERY = 200;
const DEBOUNCE_MS = 150;
const CACHE_SIZE = 20;
const MAX_SECTIONS = 3;

const CSS = `
:host{display:block;position:relative;box-sizing:border-box;width:var(--archive-width,100%);max-width:100%;
 font:inherit;font-family:var(--archive-font,inherit);
 --_accent:var(--archive-accent,#2458d6);--_bg:var(--archive-bg,#fff);--_fg:var(--archive-fg,#1d1d1f);
 --_muted:var(--archive-muted,#62626b);--_border:var(--archive-border,#c9c9d1);--_radius:var(--archive-radius,6px);
 --_hl:color-mix(in srgb,var(--_accent) 12%,var(--_bg));--_mark:color-mix(in srgb,var(--_accent) 22%,transparent)}
@media (prefers-color-scheme:dark){:host{--_accent:var(--archive-accent,#8ab4ff);--_bg:var(--archive-bg,#1c1c21);
 --_fg:var(--archive-fg,#ececf1);--_muted:var(--archive-muted,#a3a3ad);--_border:var(--archive-border,#46464f)}}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
form{margin:0}
input{width:100%;margin:0;padding:.5em .75em;font:inherit;color:var(--_fg);background:var(--_bg);
 border:1px solid var(--_border);border-radius:var(--_radius);outline:none}
input::placeholder{color:var(--_muted);opacity:1}
input:focus-visible{border-color:var(--_accent);box-shadow:0 0 0 2px var(--_accent)}
[role=listbox]{position:absolute;z-index:var(--archive-z,1000);top:calc(100% + 4px);left:0;right:0;
 max-height:min(70vh,30rem);overflow-y:auto;overscroll-behavior:contain;margin:0;padding:4px;
 color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius);
 box-shadow:0 8px 24px rgb(0 0 0/.18)}
[role=listbox][hidden]{display:none}
[role=option]{display:block;padding:.45em .6em;border-radius:calc(var(--_radius) - 2px);color:inherit;
 text-decoration:none;cursor:pointer;border-left:3px solid transparent}
[role=option][aria-selected=true]{background:var(--_hl);border-left-color:var(--_accent)}
[role=option][aria-disabled=true]{cursor:default;color:var(--_muted)}
.sec{margin-left:1.1em;padding-top:.3em;padding-bottom:.3em}
.title{display:block;font-weight:600;color:var(--_accent)}
.sec .title{font-weight:500}
.date{font-size:.85em;color:var(--_muted)}
.snip{display:block;font-size:.9em;line-height:1.4;overflow-wrap:anywhere}
mark{color:inherit;background:var(--_mark);border-radius:2px;padding:0 1px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (forced-colors:active){[role=option][aria-selected=true]{outline:2px solid Highlight}}`;

let sheet = null;
try {
  sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
} catch (e) {
  sheet = null; // Older engines: fall back to a <style> element (needs style-src allowance).
}

const clamp = (n, lo, hi, dflt) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : dflt);

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s) {
  return s.replace(ENTITY, (all, name, dec, hex) => {
    if (name) return NAMED[name.toLowerCase()];
    const cp = dec ? parseInt(dec, 10) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : all;
  });
}

/** Text nodes and <mark>s from an escaped snippet whose only markup is <mark>: never parsed as HTML. */
function snippet(text) {
  if (typeof text !== 'string') return null;
  const out = [];
  const push = (t, marked) => {
    if (t) out.push(marked ? el('mark', { part: 'mark' }, t) : document.createTextNode(t));
  };
  let marked = false;
  for (const piece of text.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else push(decode(piece), marked);
  }
  return out.length ? el('span', { class: 'snip' }, ...out) : null;
}

/** An absolute URL for an http(s) or site-relative link, else null. */
function safeUrl(raw) {
  if (typeof raw !== 'string' || !raw) return null;
  try {
    if (raw[0] === '/' && raw[1] !== '/' && raw[1] !== '\\') {
      const base = new URL(document.baseURI);
      const u = new URL(raw, base);
      return u.origin === base.origin ? u.href : null;
    }
    if (/^https?:\/\//i.test(raw)) {
      const u = new URL(raw);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    }
  } catch (e) { /* unparsable */ }
  return null;
}

function formatDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  try {
    return new Date(iso + 'T00:00:00Z').toLocaleDateString(document.documentElement.lang || undefined,
      { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  } catch (e) { return iso; }
}

/** createElement + setAttribute; string children become text nodes (append never parses HTML). */
function el(name, attrs, ...kids) {
  const e = document.createElement(name);
  if (attrs) for (const k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

function editable(node) {
  if (!node || node.nodeType !== 1) return false;
  const n = node.localName;
  return n === 'input' || n === 'textarea' || n === 'select' || node.isContentEditable;
}

// One "/" listener for the page; it focuses the first box on it.
const boxes = new Set();
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.isComposing) return;
  if (editable(e.composedPath()[0])) return;
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  if (editable(a)) return;
  for (const box of boxes) {
    if (box.isConnected && !box.hidden) {
      e.preventDefault();
      box.focus();
      return;
    }
  }
});

let uid = 0;

class ArchiveSearch extends HTMLElement {
  static get observedAttributes() { return ['placeholder']; }

  constructor() {
    super();
    const id = `archive-search-${++uid}`;
    this._id = id;
    this._cache = new Map(); // LRU: Map keeps insertion order
    this._seq = 0; // bumped per request; an answer for an older one is dropped
    this._active = -1;
    this._options = [];

    const root = this.attachShadow({ mode: 'open' });
    if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [sheet];
    else root.append(el('style', null, CSS));

    this._label = el('label', { class: 'vh', for: `${id}-input` });
    this._input = el('input', {
      id: `${id}-input`, type: 'search', name: 'q', part: 'input', role: 'combobox',
      'aria-expanded': 'false', 'aria-controls': `${id}-listbox`, 'aria-autocomplete': 'list',
      'aria-keyshortcuts': '/', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
      enterkeyhint: 'search', maxlength: String(MAX_QUERY),
    });
    this._list = el('div', { id: `${id}-listbox`, role: 'listbox', part: 'listbox', hidden: '' });
    this._live = el('div', { class: 'vh', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._form = el('form', { role: 'search', novalidate: '' }, this._label, this._input, this._list);
    root.append(this._form, this._live);

    this._form.addEventListener('submit', (e) => { e.preventDefault(); this._submit(); });
    this._input.addEventListener('input', () => this._changed());
    this._input.addEventListener('keydown', (e) => this._key(e));
    this._input.addEventListener('focus', () => this._open());
    this._list.addEventListener('pointermove', (e) => {
      const opt = e.target.closest && e.target.closest('[role=option]');
      const i = this._options.indexOf(opt);
      if (i >= 0 && i !== this._active) this._setActive(i, false);
    });
    this._list.addEventListener('click', (e) => {
      const opt = e.target.closest && e.target.closest('[role=option]');
      if (opt && opt._run) { e.preventDefault(); opt._run(); }
    });
    // Keep focus in the input while the mouse is on the list; clicks still follow links.
    this._list.addEventListener('mousedown', (e) => e.preventDefault());
    root.addEventListener('focusout', (e) => {
      if (!e.relatedTarget || !root.contains(e.relatedTarget)) this._close();
    });
    this._outside = (e) => { if (!e.composedPath().includes(this)) this._close(); };
  }

  connectedCallback() {
    this._input.placeholder = this._placeholder();
    this._label.textContent = this._placeholder();
    // The no-JS fallback the blogger pasted: the shadow root has no <slot>, so it is not
    // rendered anyway; hide it explicitly too.
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
    this._input.placeholder = this._placeholder();
    this._label.textContent = this._placeholder();
  }

  focus(opts) { this._input.focus(opts); }

  _placeholder() { return this.getAttribute('placeholder') || 'Search the archive'; }
  _size() { return clamp(parseInt(this.getAttribute('results'), 10), 1, 20, 8); }
  _sections() { return (this.getAttribute('sections') || 'true').trim().toLowerCase() !== 'false'; }
  _endpoint() {
    let ep = (this.getAttribute('data-endpoint') || '').trim();
    if (!ep) ep = scriptOrigin;
    if (!ep) ep = location.origin;
    try { ep = new URL(ep, document.baseURI).href; } catch (e) { /* leave as is */ }
    return ep.replace(/\/+$/, '');
  }
  _query() { return this._input.value.trim().slice(0, MAX_QUERY); }

  _changed() {
    clearTimeout(this._timer);
    const q = this._query();
    if (q.length < MIN_CHARS) {
      if (this._ctrl) this._ctrl.abort();
      this._seq++;
      this._clear();
      this._close();
      return;
    }
    this._timer = setTimeout(() => this._search(q), DEBOUNCE_MS);
  }

  async _search(q) {
    const size = this._size();
    const url = `${this._endpoint()}/api/search?q=${encodeURIComponent(q)}&size=${size}&page=1`;
    const seq = ++this._seq;
    if (this._ctrl) this._ctrl.abort();
    this._ctrl = null;
    try {
      let data = this._cache.get(url);
      if (data) {
        this._cache.delete(url); // refresh its place in the LRU
      } else {
        const ctrl = (this._ctrl = new AbortController());
        const res = await fetch(url, { signal: ctrl.signal, credentials: 'omit', headers: { Accept: 'application/json' } });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        data = await res.json();
        if (!data || typeof data !== 'object' || !Array.isArray(data.results)) throw new Error('bad response');
      }
      this._cache.set(url, data);
      while (this._cache.size > CACHE_SIZE) this._cache.delete(this._cache.keys().next().value);
      if (seq !== this._seq) return;
      this._render(q, data);
    } catch (e) {
      if (seq !== this._seq || (e && e.name === 'AbortError')) return;
      this._fail();
    }
  }

  _clear() {
    this._list.replaceChildren();
    this._options = [];
    this._active = -1;
    this._input.removeAttribute('aria-activedescendant');
  }

  _option(attrs, ...kids) {
    const i = this._options.length;
    const o = el(attrs.href ? 'a' : 'div', Object.assign({ id: `${this._id}-opt-${i}`, role: 'option', part: 'option', 'aria-selected': 'false', tabindex: '-1' }, attrs), ...kids);
    this._options.push(o);
    this._list.append(o);
    return o;
  }

  _message(text) {
    this._list.append(el('div', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', part: 'option message' }, text));
  }

  _render(q, data) {
    this._clear();
    const results = data.results.slice(0, this._size());
    const total = Number.isFinite(data.total) ? data.total : results.length;
    const showSections = this._sections();
    let announce;
    let shown = 0;
    if (typeof data.note === 'string' && data.note) this._message(data.note);
    const dym = typeof data.didYouMean === 'string' && data.didYouMean.trim() ? data.didYouMean.trim() : '';
    if (dym) {
      const o = this._option({ part: 'option suggestion' }, 'Did you mean: ', el('strong', null, dym), '?');
      o._run = () => { this._input.value = dym; this._changed(); this._input.focus(); };
    }
    for (const r of results) {
      if (!r || typeof r !== 'object') continue;
      const href = safeUrl(r.url);
      if (!href) continue; // never link to javascript:, data:, or another origin's relative path
      const date = formatDate(r.date);
      this._option({ href, 'data-kind': typeof r.kind === 'string' ? r.kind : null },
        el('span', { class: 'title' }, String(r.title || r.path || r.url)),
        date ? el('time', { class: 'date', datetime: r.date }, date) : null,
        snippet(r.snippet));
      shown++;
      if (!showSections || !Array.isArray(r.sections)) continue;
      let n = 0;
      for (const s of r.sections) {
        if (n >= MAX_SECTIONS) break;
        if (!s || typeof s !== 'object') continue;
        const anchor = typeof s.anchor === 'string' && s.anchor ? s.anchor : '';
        // A section URL that is there but unsafe drops the section; a missing one is built from the anchor.
        const sHref = s.url ? safeUrl(s.url) : anchor ? safeUrl(`${href.split('#')[0]}#${encodeURIComponent(anchor)}`) : null;
        if (!sHref) continue;
        this._option({ href: sHref, class: 'sec', part: 'option section' },
          el('span', { class: 'title' }, String(s.heading || anchor)), snippet(s.snippet));
        n++;
      }
    }
    if (!shown) {
      this._message('No results');
      announce = dym ? `No results. Did you mean ${dym}?` : 'No results';
    } else {
      if (total > shown) {
        this._option({ href: this._fullUrl(q), part: 'option all' }, `All ${total} results for “${q}”`);
      }
      announce = `${total} result${total === 1 ? '' : 's'}` + (dym ? `. Did you mean ${dym}?` : '');
    }
    this._open();
    this._announce(announce);
  }

  _fail() {
    this._clear();
    this._message('Search is unavailable');
    this._open();
    this._announce('Search is unavailable');
  }

  _announce(text) {
    // Clear first so the same words ("3 results") are read again for a new query.
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

  _isOpen() { return !this._list.hidden; }

  _setActive(i, scroll = true) {
    const prev = this._options[this._active];
    if (prev) prev.setAttribute('aria-selected', 'false');
    this._active = i;
    const cur = this._options[i];
    if (cur) {
      cur.setAttribute('aria-selected', 'true');
      this._input.setAttribute('aria-activedescendant', cur.id);
      if (scroll) cur.scrollIntoView({ block: 'nearest' });
    } else {
      this._input.removeAttribute('aria-activedescendant');
    }
  }

  _move(step) {
    const n = this._options.length;
    if (!n) return;
    if (!this._isOpen()) this._open();
    const i = this._active < 0 ? (step > 0 ? 0 : n - 1) : (this._active + step + n) % n;
    this._setActive(i);
  }

  _key(e) {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!this._options.length) return;
        e.preventDefault();
        this._move(e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter': {
        const opt = this._isOpen() ? this._options[this._active] : null;
        if (!opt) return; // the form submits
        e.preventDefault();
        if (opt._run) opt._run();
        else location.assign(opt.href);
        break;
      }
      case 'Escape':
        e.preventDefault(); // also stops the browser's own clear, so the first Esc only closes
        if (this._isOpen()) this._close();
        else if (this._input.value) {
          this._input.value = '';
          this._changed();
        }
        break;
      default:
    }
  }

  _fullUrl(q) { return `${this._endpoint()}/search?q=${encodeURIComponent(q)}`; }

  _submit() {
    const q = this._query();
    if (!q) return;
    const url = safeUrl(this._fullUrl(q));
    if (url) location.assign(url);
  }
}

try {
  customElements.define(TAG, ArchiveSearch);
} catch (e) { /* defined twice by two copies of the script: the first one wins */ }
})();
