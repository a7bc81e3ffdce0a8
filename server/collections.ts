// Every collection of the store, assembled from the domains' own schemas. `schemaVersion` changes
// with any incompatible change, with a migration in `migrations` (see server/store/migrations.ts).
import { accountCollections } from './accounts/schema.ts';
import { assignmentCollections } from './assignments/schema.ts';
import { auditCollections } from './audit/schema.ts';
import { badgeCollections } from './badges/schema.ts';
import { certificateCollections } from './certificates/schema.ts';
import { commitmentCollections } from './commitments/schema.ts';
import { enrollmentSecondsFromProgress } from './learning/enrollment-seconds-migration.ts';
import { learningCollections } from './learning/schema.ts';
import { lrsCollections } from './lrs/schema.ts';
import { mailCollections } from './mail/schema.ts';
import { privacyCollections } from './privacy/schema.ts';
import { reminderCollections } from './reminders/schema.ts';
import { satisfactionCollections } from './satisfaction/schema.ts';
import type { AppCollections } from './store/app-collections.ts';
import type { Migrations } from './store/migrations.ts';
import { structureCollections } from './structures/schema.ts';
import { structuresFromNames } from './structures/structures-from-names.ts';
import { studioCollections } from './studio/schema.ts';

export const schemaVersion = 4;
export const migrations: Migrations = {
  // 1 → 2: the CSRF key moved to an owner-only file (server/http/csrf-secret.ts); drop the copy in the store.
  1: (data) => ({ ...data, settings: (data.settings ?? []).filter((row: { id: string }) => row.id !== 'csrf-secret') }),
  // 2 → 3: each enrollment keeps its measured time (server/learning/schema.ts), summed once from its modules.
  2: enrollmentSecondsFromProgress,
  // 3 → 4: structures become a tree with stable codes; accounts carry the code of theirs.
  3: (data) => structuresFromNames(data, new Date().toISOString()),
};

export const collections: AppCollections = {
  ...accountCollections,
  ...learningCollections,
  ...certificateCollections,
  ...badgeCollections,
  ...auditCollections,
  ...studioCollections,
  ...mailCollections,
  ...assignmentCollections,
  ...reminderCollections,
  ...lrsCollections,
  ...structureCollections,
  ...commitmentCollections,
  ...privacyCollections,
  ...satisfactionCollections,
};
