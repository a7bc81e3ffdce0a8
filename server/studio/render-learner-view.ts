import type { Response } from 'express';

/**
 * Renders one of the learners' templates to a string (res.render would send it), with the links that
 * template writes to the published course pointed at the studio instead: a preview stays in the draft.
 */
export async function renderLearnerView(
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  links: { slug: string; moduleBase: string },
): Promise<string> {
  const html = await new Promise<string>((resolve, reject) => {
    res.app.render(view, { ...res.locals, ...locals }, (error, rendered) =>
      error ? reject(error) : resolve(rendered),
    );
  });
  return replaceSignInNotice(html)
    .replaceAll(`href="/courses/${links.slug}/`, `href="${links.moduleBase}/${links.slug}/`)
    .replaceAll(`href="/courses/${links.slug}"`, `href="/studio/courses/${links.slug}"`);
}

/**
 * The part of a learners' page to show inside a studio page: the module's `<article>` (or, for other
 * pages, what is inside `<main>`). Authored HTML is sanitised and balanced, so the layout's tags are the
 * first opening and the last closing ones. Its `h1` becomes an `h2`: the studio page has its own title.
 */
export function extractMainContent(html: string): string {
  const article = html.indexOf('<article class="module">');
  const open = article !== -1 ? article : html.indexOf('>', html.indexOf('<main')) + 1;
  const end = article !== -1 ? html.lastIndexOf('</article>') + '</article>'.length : html.lastIndexOf('</main>');
  if (open <= 0 || end < open) return '';
  return html
    .slice(open, end)
    .replace(/<h1(\s|>)/g, '<h2$1')
    .replace(/<\/h1>/g, '</h2>');
}

/** The quiz's "sign in to answer" notice makes no sense in a preview: it is replaced by one that does. */
export function replaceSignInNotice(html: string): string {
  return html.replace(
    new RegExp(`<p class="notice"><a href="${previewSignInHref}">[^]*?</p>`),
    '<p class="notice">Aperçu : le quiz s’affiche comme pour les apprenants, sans pouvoir y répondre ici.</p>',
  );
}

/** The sign-in link a preview gives the quiz template, to find its notice again. */
export const previewSignInHref = '#apercu-sans-connexion';

/** Adds a notice at the top of a full page (full-page previews say they are previews). */
export function prependToMain(html: string, notice: string): string {
  return html.replace(/<main\b[^>]*>/, (tag) => `${tag}\n${notice}`);
}
