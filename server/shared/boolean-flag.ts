import { z } from 'zod';

/** An environment flag: true/false, 1/0, yes/no, oui/non. */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'oui', 'non'])
  .transform((v) => ['true', '1', 'yes', 'oui'].includes(v));
