// Every e-mail has the same light shape: a greeting, paragraphs, at most one call to action, a signature.
// The HTML part is plain markup (no images, no styles fetched from anywhere, no tracking), so it reads
// the same in any client and says nothing back to anyone when opened.
import { translate } from '../i18n/translate.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailParts {
  subject: string;
  /** Paragraphs before the link. */
  intro: string[];
  action?: { label: string; href: string };
  /** Paragraphs after the link. */
  outro?: string[];
  org: string;
  /** The brand colour of the recipient's structure (decision 023): the name on top and the link, in HTML. */
  colour?: string;
  /** Extra lines at the very end (an unsubscribe link), each with an optional link. */
  footer?: { text: string; href?: string }[];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function composeEmail(parts: EmailParts): EmailContent {
  const outro = parts.outro ?? [];
  const footer = parts.footer ?? [];
  const closing = [translate('mail.signature', { org: parts.org }), translate('mail.automatic')];
  const text = [
    translate('mail.greeting'),
    ...parts.intro,
    ...(parts.action ? [parts.action.href] : []),
    ...outro,
    ...closing,
    ...footer.map((line) => (line.href ? `${line.text} ${line.href}` : line.text)),
  ].join('\n\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  // Inline styles: mail clients drop style sheets. The colour was checked as `#rrggbb` when it was set.
  const colour = parts.colour && /^#[0-9a-f]{6}$/.test(parts.colour) ? parts.colour : undefined;
  const linkStyle = colour ? ` style="color:${colour}"` : '';
  const link = (href: string, label: string) => `<a href="${escapeHtml(href)}"${linkStyle}>${escapeHtml(label)}</a>`;
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><title>',
    escapeHtml(parts.subject),
    '</title></head><body>',
    ...(colour
      ? [
          `<p style="border-top:4px solid ${colour};padding-top:8px"><strong style="color:${colour}">${escapeHtml(parts.org)}</strong></p>`,
        ]
      : []),
    p(translate('mail.greeting')),
    ...parts.intro.map(p),
    ...(parts.action
      ? [`<p><strong>${link(parts.action.href, parts.action.label)}</strong></p>`, p(parts.action.href)]
      : []),
    ...outro.map(p),
    ...closing.map(p),
    ...footer.map((line) => `<p><small>${line.href ? link(line.href, line.text) : escapeHtml(line.text)}</small></p>`),
    '</body></html>',
  ].join('\n');
  return { subject: parts.subject, text: `${text}\n`, html: `${html}\n` };
}
