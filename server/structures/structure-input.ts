import { z } from 'zod';
import { says } from '../shared/says.ts';
import { rootCode, structureCodePattern } from './schema.ts';

export const StructureCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(structureCodePattern, says('structures.field.codeInvalid'));

export const StructureName = z
  .string()
  .trim()
  .min(1, says('structures.field.nameRequired'))
  .max(120, says('structures.field.nameTooLong'));

/** What creates a structure: its code, its name and the code of its parent (the root when blank). */
export const NewStructure = z.object({
  code: StructureCode,
  name: StructureName,
  parent: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v || rootCode),
});
export type NewStructure = z.infer<typeof NewStructure>;
