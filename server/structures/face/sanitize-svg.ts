// An uploaded SVG logo goes through the same allow-list sanitiser as authored HTML (sanitize-html), with
// an SVG allow-list: shapes, text, gradients and presentation attributes only. No script, no event
// attribute, no style sheet, no foreign content, and no reference out of the file (an `href` or `url()`
// must name an element of the same file). Logos are shown with `<img>`, where scripts never run; this is
// for whoever opens the logo's URL directly, and the route's CSP forbids scripts there too.
import type sanitizeHtml from 'sanitize-html';
import { loadOnFirstUse } from '../../shared/load-on-first-use.ts';

/** Loaded by the first logo checked, or the first page rendered (render-markdown.ts), not at start-up. */
const sanitizer = loadOnFirstUse<typeof sanitizeHtml>('sanitize-html');

const svgNamespace = 'http://www.w3.org/2000/svg';

const shapeTags = ['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'];
const allowedTags = [
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'text',
  'tspan',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  ...shapeTags,
];

const presentation = [
  'id',
  'transform',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'clip-path',
  'clip-rule',
  'mask',
  'display',
  'visibility',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'style',
];
const box = ['x', 'y', 'width', 'height'];
const gradient = ['gradientUnits', 'gradientTransform', 'spreadMethod', 'href', 'xlink:href'];

const allowedAttributes: Record<string, string[]> = {
  '*': presentation,
  svg: ['xmlns', 'xmlns:xlink', 'viewBox', 'preserveAspectRatio', 'version', ...box],
  symbol: ['viewBox', 'preserveAspectRatio'],
  use: ['href', 'xlink:href', ...box],
  path: ['d', 'pathLength'],
  rect: [...box, 'rx', 'ry'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points'],
  polygon: ['points'],
  text: ['x', 'y', 'dx', 'dy', 'rotate', 'textLength'],
  tspan: ['x', 'y', 'dx', 'dy', 'rotate', 'textLength'],
  linearGradient: ['x1', 'y1', 'x2', 'y2', ...gradient],
  radialGradient: ['cx', 'cy', 'r', 'fx', 'fy', 'fr', ...gradient],
  stop: ['offset', 'stop-color', 'stop-opacity'],
  clipPath: ['clipPathUnits'],
  mask: ['maskUnits', 'maskContentUnits', ...box],
};

const number = /^-?[\d.]+(?:e-?\d+)?(?:px|pt|em|%)?$/i;
const paint = /^(?:#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\)|url\(#[\w.:-]+\)(?:\s+[a-z]+)?)$/i;
const allowedStyles: Record<string, RegExp[]> = {
  ...Object.fromEntries(['fill', 'stroke', 'color', 'stop-color'].map((p) => [p, [paint]])),
  ...Object.fromEntries(
    ['fill-opacity', 'stroke-opacity', 'opacity', 'stop-opacity', 'stroke-width', 'stroke-miterlimit', 'font-size'].map(
      (p) => [p, [number]],
    ),
  ),
  'fill-rule': [/^(?:nonzero|evenodd)$/],
  'stroke-linecap': [/^(?:butt|round|square)$/],
  'stroke-linejoin': [/^(?:miter|round|bevel)$/],
  'font-weight': [/^(?:normal|bold|\d{3})$/],
  'font-family': [/^[\w\s,'"-]+$/],
  display: [/^(?:none|inline|block)$/],
};

const internalReference = /^#[\w.:-]+$/;
// `url(` anywhere but `url(#id)` fetches something else (a remote image, a tracking pixel).
const outsideUrl = /url\s*\(\s*(?!#[\w.:-]+\s*\))/i;

function keepInternalReferences(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if ((name === 'href' || name === 'xlink:href') && !internalReference.test(value.trim())) continue;
    if (outsideUrl.test(value)) continue;
    kept[name] = value;
  }
  // An SVG shown with <img> must declare its namespace; a file that forgot it would show nothing.
  if (tagName === 'svg') kept.xmlns = svgNamespace;
  return { tagName, attribs: kept };
}

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes,
  allowedStyles: { '*': allowedStyles },
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: [],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Style sheets and foreign content are dropped with what they contain.
  nonTextTags: ['script', 'style', 'foreignObject', 'textarea', 'option', 'xmp', 'iframe', 'noscript'],
  selfClosing: [],
  transformTags: { '*': keepInternalReferences },
  // XML: names keep their case (viewBox, linearGradient), `<path/>` closes itself, and entities declared
  // in a DOCTYPE are never expanded.
  parser: { xmlMode: true },
};

/** The sanitised SVG document, or undefined when what is left is not one `<svg>` element. */
export function sanitizeSvg(text: string): string | undefined {
  const clean = sanitizer()(text, options).trim();
  const start = clean.indexOf('<svg');
  const end = clean.lastIndexOf('</svg>');
  if (start < 0 || end < start || !/^<svg[\s>]/.test(clean.slice(start))) return undefined;
  return `${clean.slice(start, end + '</svg>'.length)}\n`;
}
