import { issueToken } from '../../../server/accounts/one-time-tokens.ts';
import type { Role } from '../../../server/accounts/schema.ts';
import { createUser } from '../../../server/accounts/users.ts';
import { openAppStore } from '../../../server/open-app-store.ts';

export interface Invitee {
  name: string;
  email: string;
  structure: string;
}

/**
 * Creates an invited person directly in a data directory (before the server opens it) and returns
 * the invitation path. The first-run journey invites through the admin pages; the other journeys
 * start from the invitation link, as the person does.
 */
export async function seedInvitation(dataDir: string, invitee: Invitee, role: Role = 'learner'): Promise<string> {
  const store = await openAppStore(dataDir);
  try {
    const now = new Date();
    const user = await createUser(store, { ...invitee, matricule: null, role }, now);
    const token = await issueToken(store, { kind: 'invitation', userId: user.id, createdBy: null }, now);
    return `/invitations/${token}`;
  } finally {
    await store.close();
  }
}
