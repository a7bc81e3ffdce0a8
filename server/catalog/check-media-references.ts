import path from 'node:path';
import { lookUpAsset } from './asset-path.ts';
import type { IssueList } from './course-issue.ts';
import { findMediaReferences } from './find-media-references.ts';
import { imageExtensions } from './limits.ts';
import { linesOutsideCodeFences } from './lines-outside-code-fences.ts';
import { moduleFilePattern } from './module-file-pattern.ts';

/** Every image needs a text alternative and an existing file; relative links must point at course files. */
export function checkMediaReferences(body: string, firstLine: number, assets: Set<string>, issues: IssueList): void {
  for (const [i, line] of linesOutsideCodeFences(body.split('\n'))) {
    // Images and links all contain "](": most lines have neither.
    if (!line.includes('](')) continue;
    const { images, links } = findMediaReferences(line);
    for (const { alt, href } of images) {
      if (alt.trim() === '')
        issues.add(
          firstLine + i,
          `l’image « ${href} » n’a pas de description : écrivez-la entre les crochets, ![description](${href}).`,
        );
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
        issues.add(
          firstLine + i,
          `l’image « ${href} » doit être un fichier du dossier du cours, pas une adresse externe.`,
        );
      } else if (!imageExtensions.includes(path.extname(href).toLowerCase() as (typeof imageExtensions)[number])) {
        issues.add(firstLine + i, `l’image « ${href} » n’est pas d’un format accepté (${imageExtensions.join(', ')}).`);
      } else {
        const lookup = lookUpAsset(href, assets);
        if (lookup !== 'found') issues.add(firstLine + i, `l’image « ${href} » ${missingImage[lookup]}`);
      }
    }
    for (const href of links) {
      if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href) || moduleFilePattern.test(href.split('#')[0]!)) continue;
      const lookup = lookUpAsset(href, assets);
      if (lookup !== 'found') issues.add(firstLine + i, `le lien « ${href} » ${missingLink[lookup]}`);
    }
  }
}

const badEscapeHint = '« % » doit être suivi de deux chiffres ou lettres de A à F (%25 pour le signe « % » lui-même).';
/** What is wrong with an image whose file is not found, by lookUpAsset's answer (the cover uses it too). */
export const missingImage = {
  missing: 'est introuvable dans le dossier du cours.',
  malformed: `a une adresse mal formée : ${badEscapeHint}`,
};
const missingLink = {
  missing: 'pointe vers un fichier introuvable dans le dossier du cours.',
  malformed: `est mal formé : ${badEscapeHint}`,
};
