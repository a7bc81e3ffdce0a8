import { z } from 'zod';
import { courseSlugPattern } from '../catalog/load-course.ts';
import { slugify } from '../shared/slugify.ts';

const Title = z
  .string({ error: 'Indiquez un titre.' })
  .trim()
  .min(1, 'Indiquez un titre.')
  .max(200, 'Titre trop long (200 caractères au plus).');

const Slug = z
  .string()
  .trim()
  .min(1, 'Indiquez le nom utilisé dans l’adresse.')
  .max(60, 'Nom trop long (60 caractères au plus).')
  .regex(
    courseSlugPattern,
    'Lettres minuscules sans accents, chiffres et tirets seulement (ex. « accueil-du-public »).',
  );

/** A title and the name used in the address; left empty, the name is suggested from the title. */
export const TitleAndSlugForm = z.object({ title: Title, slug: Slug });
export type TitleAndSlugForm = z.infer<typeof TitleAndSlugForm>;

/** Fills an empty `slug` field from the title before validation, so the trainer sees the suggestion. */
export function withSuggestedSlug(body: unknown): Record<string, unknown> {
  const input = (body ?? {}) as Record<string, unknown>;
  const slug = typeof input.slug === 'string' ? input.slug.trim() : '';
  return { ...input, slug: slug || slugify(typeof input.title === 'string' ? input.title : '') };
}

export const InsertImageForm = z.object({
  image: z.string().regex(/^images\/[a-z0-9-]+\.(jpg|jpeg|png|gif|webp)$/, 'Choisissez une image du cours.'),
  alt: z
    .string()
    .trim()
    .min(1, 'Décrivez l’image en quelques mots : ce texte est lu aux personnes qui ne la voient pas.')
    .max(300, 'Description trop longue (300 caractères au plus).')
    .refine((alt) => !/[[\]\n]/.test(alt), 'La description ne peut pas contenir de crochets.'),
});
