import type { Response } from 'express';
import type { Config } from '../../config.ts';
import type { User } from '../schema.ts';

export const invitationHref = (config: Config, token: string) => `${config.baseUrl}/invitations/${token}`;
const resetHref = (config: Config, token: string) => `${config.baseUrl}/reset/${token}`;

/** A one-time link is shown once (only its hash is kept): never let a cache or the back button keep it. */
export function renderLink(
  res: Response,
  config: Config,
  view: {
    title: string;
    person: Readonly<User>;
    kind: 'invitation' | 'reset';
    token: string;
    expiresAt: Date;
    /** The link went by e-mail: the admin is told so, and never sees it. */
    mailed: boolean;
  },
): void {
  res.set('Cache-Control', 'no-store');
  res.render('admin/link', {
    title: view.title,
    person: view.person,
    kind: view.kind,
    link: view.mailed ? null : (view.kind === 'invitation' ? invitationHref : resetHref)(config, view.token),
    expiresAt: view.expiresAt.toISOString(),
  });
}
