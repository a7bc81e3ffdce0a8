import { z } from 'zod';
import { translate } from '../i18n/translate.ts';
import { commitmentMaxLength } from './schema.ts';

/** The commitment form: a text (empty erases it) and an optional reminder. Line ends become `\n`. */
export const CommitmentForm = z.object({
  text: z
    .string(translate('commitments.invalid'))
    .default('')
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .superRefine((text, ctx) => {
      if (text.length > commitmentMaxLength)
        ctx.addIssue({
          code: 'custom',
          message: translate('commitments.tooLong', { max: commitmentMaxLength, length: text.length }),
        });
    }),
  remind: z.literal('on', translate('commitments.invalid')).optional(),
});
