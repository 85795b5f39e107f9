// Colours as the browser draws them, with WCAG 2.x contrast ratios; run by Colours.java through
// WebDriver's executeScript. Colours are reported as opaque rgb() after blending transparency.
//   arguments[1] == 'text': every visible piece of text under arguments[0] (null: the whole page),
//     shadow roots included: its colour, the background behind it, their ratio, its font size and
//     whether it counts as large text.
//   arguments[1] == 'ring': the focus ring of the control arguments[0] (its outline, else its
//     box-shadow) against the background around the control, or null when it has none.
const [target, mode] = arguments;

function channels(css) {
  let m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(css);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  // color-mix() in srgb and other CSS Color 4 values compute to color(srgb r g b / a), 0..1.
  m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(css);
  if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
  throw new Error('a colour this script cannot read: ' + css);
}

function over(top, below) {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
}

// What is painted where no element paints: the Canvas system colour of the root's colour scheme.
function canvas() {
  const probe = document.createElement('div');
  probe.style.cssText = 'background-color: Canvas; position: absolute;';
  document.documentElement.append(probe);
  const colour = channels(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return colour;
}

function parent(el) {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && root.host ? root.host : null;
}

// Backgrounds of the element and its ancestors, blended until the first opaque one.
function background(el, base) {
  const layers = [];
  for (let e = el; e; e = parent(e)) {
    const c = channels(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let colour = base;
  for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
  return colour;
}

function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = (c) => 'rgb(' + c.slice(0, 3).map(Math.round).join(', ') + ')';

function name(el) {
  const id = el.id ? '#' + el.id : '';
  const classes = [...el.classList].map((c) => '.' + c).join('');
  return el.localName + id + classes;
}

function path(el) {
  const names = [];
  for (let e = el; e && names.length < 4; e = parent(e)) names.unshift(name(e));
  return names.join(' > ');
}

// Text of its own, not only inside children; inputs show their value or placeholder.
function ownText(el) {
  if (el.localName === 'input') return el.value || el.placeholder;
  return [...el.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.data)
    .join('')
    .trim();
}

function shown(el) {
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const box = el.getBoundingClientRect();
  // Visually hidden text is clipped to 1px; the skip link waits off-screen until focused.
  return box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > 0;
}

function* elements(root) {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* elements(el.shadowRoot);
  }
}

function texts(root, base) {
  const found = [];
  const all = root.shadowRoot ? elements(root.shadowRoot) : [root, ...elements(root)];
  for (const el of all) {
    const text = ownText(el);
    if (!text || !shown(el)) continue;
    const style = getComputedStyle(el);
    const placeholder = el.localName === 'input' && !el.value;
    const back = background(el, base);
    const colour = placeholder ? getComputedStyle(el, '::placeholder').color : style.color;
    const fore = over(channels(colour), back);
    const size = parseFloat(style.fontSize);
    found.push({
      element: path(el) + (placeholder ? '::placeholder' : ''),
      text: text.slice(0, 40),
      colour: css(fore),
      background: css(back),
      ratio: ratio(fore, back),
      size,
      large: size >= 24 || (size >= 18.66 && +style.fontWeight >= 700),
    });
  }
  return found;
}

// An outline, else a box-shadow's first colour and spread: what a focused control draws round itself.
function ring(el, base) {
  const style = getComputedStyle(el);
  let colour;
  let width;
  let description;
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
    colour = style.outlineColor;
    width = parseFloat(style.outlineWidth);
    description = `outline: ${style.outlineWidth} ${style.outlineStyle}`;
  } else if (style.boxShadow !== 'none') {
    const m = /^((?:rgba?|color)\([^)]*\)) (-?[\d.]+)px (-?[\d.]+)px ([\d.]+)px (-?[\d.]+)px/.exec(style.boxShadow);
    if (!m) throw new Error('a box-shadow this script cannot read: ' + style.boxShadow);
    colour = m[1];
    width = +m[5];
    description = `box-shadow: ${style.boxShadow}`;
  } else {
    return null;
  }
  const back = background(parent(el), base);
  const fore = over(channels(colour), back);
  return { style: description, width, colour: css(fore), background: css(back), ratio: ratio(fore, back) };
}

const base = canvas();
if (mode === 'text') return texts(target || document.documentElement, base);
if (mode === 'ring') return ring(target, base);
throw new Error('mode is text or ring: ' + mode);
