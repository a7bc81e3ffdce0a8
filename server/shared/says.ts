import type { MessageKey } from '../i18n/fr.ts';
import { translate } from '../i18n/translate.ts';

/** A zod error message from the dictionary, looked up when a check fails: `z.string().min(1, says('…'))`. */
export const says = (key: MessageKey) => ({ error: () => translate(key) });
