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
});
export type Structure = z.infer<typeof Structure>;

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
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends StructureCollections {}
}
type StructureCollections = typeof structureCollections;
