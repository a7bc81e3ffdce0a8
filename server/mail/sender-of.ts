import type { Config } from '../config.ts';
import type { AppTx } from '../store/app-collections.ts';
import { faceOf } from '../structures/face/face-of.ts';

/**
 * Whom an e-mail to a person comes from: the face of their structure (its name in the text and the HTML,
 * its colour in the HTML; decision 023), read in the transaction that queues the message.
 */
export async function senderOf(
  tx: Pick<AppTx, 'get' | 'findBy'>,
  structure: string | undefined,
  config: Pick<Config, 'org'>,
): Promise<{ org: string; colour?: string }> {
  const face = await faceOf(tx, structure, config.org);
  return { org: face.name, ...(face.colour ? { colour: face.colour } : {}) };
}
