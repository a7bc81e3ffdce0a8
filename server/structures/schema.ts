// The rows of the network: structures (a tree under one root, each named by a stable code) and the
// roles granted on a structure and everything below it.
import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/** The root of every network: the structure whose grants reach everyone (decision 022). */
export const rootCode = 'reseau';

/**
 * Lowercase letters, digits and inner hyphens, at most 40: codes go in CSV files, identity-provider claims
 * and URLs, and never change once given (a rename changes the name only).
 */
export const structureCodePattern = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const Structure = z.strictObject({
  /** The structure's code. */
  id: z.string(),
  name: z.string(),
  /** Null for the root only. */
  parentId: z.string().nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  // The structure's face (decision 023), each part inherited from the nearest ancestor when unset.
  /** The logo's row in `structureLogos`, named by the hash of its bytes. */
  logo: z.strictObject({ hash: z.string(), type: z.enum(['png', 'svg']) }).optional(),
  /** `#rrggbb`, readable on white (contrast of at least 4.5:1). */
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .optional(),
  /** « Fait à <place> » on attestations. */
  signatoryPlace: z.string().optional(),
  /** « Pour <name> » on attestations: the structure, or who signs for it. */
  signatoryName: z.string().optional(),
});
export type Structure = z.infer<typeof Structure>;
export type LogoRef = NonNullable<Structure['logo']>;

/**
 * A logo's bytes, named by their hash: a row never changes, so its URL can be cached for good, and
 * attestations already issued keep printing the logo they were issued with after it is replaced.
 */
export const StructureLogo = z.strictObject({
  /** The SHA-256 of the bytes, in hex. */
  id: z.string(),
  type: z.enum(['png', 'svg']),
  /** The bytes in base64 (an SVG once sanitised). */
  data: z.string(),
  createdAt: IsoDate,
});
export type StructureLogo = z.infer<typeof StructureLogo>;

/** The roles that can be granted on part of the network; `learner` is personal and never granted. */
export const grantRoles = ['admin', 'hr', 'trainer'] as const;
export const GrantRole = z.enum(grantRoles);
export type GrantRole = z.infer<typeof GrantRole>;

/** A role held on a structure and every structure below it. */
export const Grant = z.strictObject({
  id: z.string(),
  userId: z.string(),
  role: GrantRole,
  structureId: z.string(),
  createdAt: IsoDate,
});
export type Grant = z.infer<typeof Grant>;

export const structureCollections = {
  structures: defineCollection(Structure, ['parentId']),
  grants: defineCollection(Grant, ['userId', 'structureId']),
  structureLogos: defineCollection(StructureLogo),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends StructureCollections {}
}
type StructureCollections = typeof structureCollections;
