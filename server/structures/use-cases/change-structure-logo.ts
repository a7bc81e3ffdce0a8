import { createHash } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.ts';
import type { AppStore } from '../../store/app-collections.ts';
import type { CheckedLogo } from '../face/check-logo.ts';
import type { Structure } from '../schema.ts';
import { storedStructure } from '../stored-structure.ts';
import { writeStructure } from '../tree-revision.ts';

/**
 * Gives a structure a logo (checked by checkLogo), or removes it with `logo: undefined`. The bytes are kept
 * under their hash and never rewritten: attestations issued with a logo go on printing it after the
 * structure changes or removes it.
 */
export function changeStructureLogo(
  store: AppStore,
  input: { code: string; logo: CheckedLogo | undefined },
  actorId: string | null,
  now: Date,
): Promise<Readonly<Structure>> {
  const { logo } = input;
  const hash = logo ? createHash('sha256').update(logo.bytes).digest('hex') : undefined;
  return store.transact(async (tx) => {
    const structure = await storedStructure(tx, input.code, now);
    const { logo: previous, ...rest } = structure;
    if (logo && hash && !(await tx.get('structureLogos', hash)))
      tx.put('structureLogos', {
        id: hash,
        type: logo.type,
        data: logo.bytes.toString('base64'),
        createdAt: now.toISOString(),
      });
    recordAudit(tx, {
      at: now,
      actorId,
      action: logo ? 'structure.logo_changed' : 'structure.logo_removed',
      target: structure.id,
      details: { from: previous?.hash ?? null, to: hash ?? null },
    });
    return writeStructure(tx, {
      ...rest,
      ...(logo && hash ? { logo: { hash, type: logo.type } } : {}),
      updatedAt: now.toISOString(),
    });
  });
}
