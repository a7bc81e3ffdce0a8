import { z } from 'zod';
import { courseSlugPattern } from '../../catalog/course-slug-pattern.ts';
import { translate } from '../../i18n/translate.ts';
import { slugify } from '../../shared/slugify.ts';

const Title = z
  .string({ error: translate('studio.form.titleRequired') })
  .trim()
  .min(1, translate('studio.form.titleRequired'))
  .max(200, translate('studio.form.titleTooLong'));

const Slug = z
  .string()
  .trim()
  .min(1, translate('studio.form.slugRequired'))
  .max(60, translate('studio.form.slugTooLong'))
  .regex(courseSlugPattern, translate('studio.form.slugPattern'));

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
  image: z.string().regex(/^images\/[a-z0-9-]+\.(jpg|jpeg|png|gif|webp)$/, translate('studio.form.imageRequired')),
  alt: z
    .string()
    .trim()
    .min(1, translate('studio.form.altRequired'))
    .max(300, translate('studio.form.altTooLong'))
    .refine((alt) => !/[[\]\n]/.test(alt), translate('studio.form.altBrackets')),
});
