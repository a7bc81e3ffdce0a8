import { z } from 'zod';
import { says } from '../shared/says.ts';

/** The three questions on a 1–5 scale, in the order they are asked and reported. */
export const satisfactionItems = ['usefulness', 'clarity', 'application'] as const;
export type SatisfactionItem = (typeof satisfactionItems)[number];

export const commentMaxLength = 1000;

/** A radio button's value: absent or empty means not answered; anything but 1–5 is a forged request. */
const ScoreField = z
  .union([z.literal(''), z.enum(['1', '2', '3', '4', '5'])])
  .optional()
  .transform((value) => (value ? Number(value) : null));

/** The questionnaire as sent; every field is optional, but an empty form says nothing and is sent back. */
export const SatisfactionForm = z
  .object({
    usefulness: ScoreField,
    clarity: ScoreField,
    application: ScoreField,
    comment: z
      .string()
      .optional()
      .transform((text) => text?.replace(/\r\n?/g, '\n').trim() ?? '')
      .pipe(z.string().max(commentMaxLength, says('satisfaction.form.commentTooLong')))
      .transform((text) => text || null),
  })
  .refine((form) => satisfactionItems.some((item) => form[item] !== null) || form.comment !== null, {
    path: ['_form'],
    ...says('satisfaction.form.empty'),
  });
export type SatisfactionForm = z.output<typeof SatisfactionForm>;

/** A score outside 1–5 cannot come from the form's radio buttons: the request is malformed (400 page). */
export function isForgedScore(body: Record<string, unknown>): boolean {
  return satisfactionItems.some((item) => {
    const value = body[item];
    return value !== undefined && !(typeof value === 'string' && /^[1-5]?$/.test(value));
  });
}
