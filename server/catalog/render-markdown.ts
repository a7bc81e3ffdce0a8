import type { Marked, Tokens } from 'marked';
import type sanitizeHtml from 'sanitize-html';
import { translate } from '../i18n/translate.ts';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';
import type { TocEntry } from './course.ts';

// Loaded by the first rendering, not at start-up: pages are rendered on first use, and the server's
// rendering warm-up runs once it listens (decision 025). sanitize-html alone is ~0.1 s of CPU to load.
const markedLibrary = loadOnFirstUse<typeof import('marked')>('marked');
const headingIds = loadOnFirstUse<typeof import('marked-gfm-heading-id')>('marked-gfm-heading-id');
const sanitizer = loadOnFirstUse<typeof sanitizeHtml>('sanitize-html');

/** Loads the rendering libraries now, for a course worker (course-worker.ts). */
export function loadRenderer(): void {
  markedLibrary();
  headingIds();
  sanitizer();
}

export interface RenderContext {
  /** URL prefix of the course's files, e.g. `/courses/x/assets/`. */
  assetBase: string;
  /** URL prefix of the course's modules, e.g. `/courses/x/`, to turn `02-y.md` links into module links. */
  moduleBase: string;
}

const headingTags = ['h2', 'h3', 'h4', 'h5', 'h6'];

const alignClasses = ['align-left', 'align-center', 'align-right'];

function alignToClass(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { align, ...rest } = attribs;
  return { tagName, attribs: align ? { ...rest, class: `align-${align.toLowerCase()}` } : rest };
}

let allowedTags: string[] | undefined;

/** The allow-list applied to every piece of authored HTML. Anything not listed here is dropped. */
function sanitizeOptions(ctx: RenderContext): sanitizeHtml.IOptions {
  allowedTags ??= [...sanitizer().defaults.allowedTags.filter((t) => t !== 'h1'), 'img', 'del', 'ins'];
  return {
    allowedTags,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      ol: ['start'],
      // Markdown's column alignment (`|:---:|`) arrives as `align`, obsolete in HTML: it becomes a class.
      th: [{ name: 'class', multiple: false, values: alignClasses }],
      td: [{ name: 'class', multiple: false, values: alignClasses }],
      code: [{ name: 'class', multiple: false, values: [] }],
      ...Object.fromEntries(headingTags.map((t) => [t, ['id']])),
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    // Images come from the course folder only: remote images would leak learners' addresses.
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // A browser fetches an image with the reader's cookies: anywhere but the course's own files, it could
    // reach a page with side effects (an export, a visit). Raw HTML images of own files keep working.
    exclusiveFilter: (frame) => frame.tag === 'img' && !isOwnFile(frame.attribs.src ?? '', ctx),
    transformTags: {
      a: (tagName, attribs) => {
        const { href, ...rest } = attribs;
        if (href === undefined || !isAllowedLink(href, ctx)) return { tagName, attribs: rest };
        const external = /^https?:\/\//i.test(href);
        return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
      th: alignToClass,
      td: alignToClass,
      // Authored level-1 headings would compete with the page title: they become level 2.
      h1: 'h2',
    },
  };
}

export function sanitize(html: string, ctx: RenderContext): string {
  return sanitizer()(html, sanitizeOptions(ctx));
}

/**
 * A file of the course folder, as rewriteHref makes its URL: the asset prefix, then path segments that a
 * browser cannot turn into a way out of it (no `..` or `.` even percent-encoded, no `\`), and no query.
 */
function isOwnFile(url: string, ctx: RenderContext): boolean {
  if (!url.startsWith(ctx.assetBase)) return false;
  return url
    .slice(ctx.assetBase.length)
    .split('/')
    .every((segment) => {
      if (segment === '' || /[?#\\]/.test(segment)) return false;
      try {
        const name = decodeURIComponent(segment);
        return name !== '.' && name !== '..' && !/[/\\]/.test(name);
      } catch {
        return false;
      }
    });
}

const moduleLink = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:#.*)?$/;

/** Links go to the course's files and modules, within the page, or out of the site. */
function isAllowedLink(href: string, ctx: RenderContext): boolean {
  if (href.startsWith('#') || /^(https?|mailto|tel):/i.test(href)) return true;
  if (href.startsWith(ctx.assetBase)) return isOwnFile(href.split('#')[0]!, ctx);
  return href.startsWith(ctx.moduleBase) && moduleLink.test(href.slice(ctx.moduleBase.length));
}

const isRelative = (href: string) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href);

function rewriteHref(href: string, ctx: RenderContext): string {
  if (!isRelative(href)) return href;
  const moduleLink = /^\d{2}-([a-z0-9-]+)\.md(#.*)?$/.exec(href);
  if (moduleLink) return `${ctx.moduleBase}${moduleLink[1]}${moduleLink[2] ?? ''}`;
  return ctx.assetBase + href.replace(/^\.\//, '');
}

/**
 * French typography, so authors need not type it: the space they put before « ; ! ? » becomes a narrow
 * no-break space, before « : » and « » » and after « « » a no-break space, so a line never starts with
 * the punctuation. A space is never added where the author wrote none (a URL, 14:05, a smiley stay).
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \t]+([;!?])/g, '\u202f$1')
    .replace(/[ \t]+([:»])/g, '\u00a0$1')
    .replace(/«[ \t]+/g, '«\u00a0');
}

function createMarked(ctx: RenderContext): Marked {
  const { Marked } = markedLibrary();
  const marked = new Marked({ gfm: true, async: false });
  marked.use(headingIds().gfmHeadingId());
  marked.use({
    walkTokens(token) {
      // Leaf text only: code, raw HTML and URLs keep every character as written.
      if (token.type === 'text' && !('tokens' in token && token.tokens)) {
        const t = token as Tokens.Text;
        t.text = frenchSpacing(t.text);
      }
      if (token.type === 'link' || token.type === 'image') {
        const t = token as Tokens.Link | Tokens.Image;
        t.href = rewriteHref(t.href, ctx);
      }
    },
  });
  return marked;
}

/** Renders trusted-shape Markdown into sanitised HTML plus its heading list (for the table of contents). */
export function renderMarkdown(markdown: string, ctx: RenderContext): { html: string; toc: TocEntry[] } {
  const marked = createMarked(ctx);
  const raw = marked.parse(markdown) as string;
  const toc = headingIds()
    .getHeadingList()
    .filter((h) => h.level >= 2 && h.level <= 3)
    .map((h) => ({ id: h.id, text: decodeEntities(h.text.replace(/<[^>]*>/g, '')), level: h.level }));
  return { html: scrollableTables(sanitize(raw, ctx)), toc };
}

/**
 * A wide table scrolls sideways inside its own box (on a phone, at 200 % zoom) instead of the page: the box
 * is a named region that takes the keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1). The
 * sanitiser allows no attribute on `<table>`, so its tags are exactly these strings.
 */
function scrollableTables(html: string): string {
  if (!html.includes('<table>')) return html;
  // Numbered: two regions with one name would be two landmarks a screen reader cannot tell apart.
  let n = 0;
  const open = () =>
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${translate('course.table', { n: ++n })}"><table>`;
  return html.replaceAll('<table>', open).replaceAll('</table>', '</table></div>');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Heading texts come back HTML-escaped; views escape them again, so they are decoded once here. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10));
    return entities[name] ?? whole;
  });
}

/** Renders one line of inline Markdown (a question or a choice) into sanitised HTML. */
export function renderInline(markdown: string, ctx: RenderContext): string {
  return sanitize(createMarked(ctx).parseInline(markdown) as string, ctx);
}
