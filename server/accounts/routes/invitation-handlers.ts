import type { RequestHandler, Response } from 'express';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import type { DomainError } from '../../shared/errors.ts';
import { neutralizeFormula } from '../../shared/neutralize-formula.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { UnknownStructureError } from '../../structures/errors.ts';
import { loadTree } from '../../structures/queries.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import type { AccountDeps } from '../account-deps.ts';
import { EmailTakenError, StaffListRejectedError } from '../errors.ts';
import type { StaffCsvError } from '../parse-staff-csv.ts';
import { roles } from '../schema.ts';
import { importStaff } from '../use-cases/import-staff.ts';
import { type Invitation, inviteUser } from '../use-cases/invite-user.ts';
import { NewUser } from '../users.ts';
import { invitationHref, renderLink } from './render-link.ts';
import { messageOf, settle } from './settle.ts';

// The invite form's email must not fail on a space pasted around it (NewUser checks the format before trimming).
const trimmed = (body: unknown) =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  );

async function renderInvite(res: Response, store: AppStore, errors: FieldErrors, values: Record<string, unknown>) {
  const structures = structureOptions(await loadTree(store));
  res.render('admin/invite', { title: res.locals.t('admin.invite.title'), errors, values, roles, structures });
}

export function showInviteForm({ store }: AccountDeps): RequestHandler {
  return (_req, res) => renderInvite(res, store, {}, { role: 'learner' });
}

export function submitInvite(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const form = parseForm(NewUser, trimmed(req.body));
    if (!form.ok) return renderInvite(res.status(400), deps.store, form.errors, form.values);
    const invited = await settle<Invitation & { expiresAt: Date }, DomainError>(
      inviteUser(form.data, res.locals.user!.id, deps),
      [EmailTakenError, UnknownStructureError],
    );
    if (invited instanceof EmailTakenError)
      return renderInvite(
        res.status(400),
        deps.store,
        { email: res.locals.t('admin.invite.emailTaken') },
        trimmed(req.body),
      );
    if (invited instanceof Error)
      return renderInvite(res.status(400), deps.store, { structure: messageOf(res, invited) }, trimmed(req.body));
    renderLink(res, deps.config, {
      title: res.locals.t('admin.link.invitationTitle'),
      person: invited.user,
      kind: 'invitation',
      token: invited.token,
      expiresAt: invited.expiresAt,
      mailed: Boolean(deps.onPasswordLink),
    });
  };
}

function renderImport(res: Response, csv: string, errors: StaffCsvError[]) {
  res.render('admin/import', { title: res.locals.t('admin.import.title'), csv, errors });
}

export const showImportForm: RequestHandler = (_req, res) => {
  renderImport(res, '', []);
};

export function submitImport(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const csv = typeof req.body?.csv === 'string' ? req.body.csv : '';
    const imported = await settle(importStaff(csv, res.locals.user!.id, deps), [StaffListRejectedError]);
    if (imported instanceof StaffListRejectedError) return renderImport(res.status(400), csv, imported.errors);
    const mailed = Boolean(deps.onPasswordLink);
    const people = imported.invitations.map(({ user, token }) => ({
      user,
      link: mailed ? '' : invitationHref(deps.config, token),
    }));
    // One-time links are shown once: never let a cache or the back button keep them.
    res.set('Cache-Control', 'no-store');
    res.render('admin/imported', {
      title: res.locals.t('admin.imported.title'),
      people,
      expiresAt: imported.expiresAt.toISOString(),
      mailed,
      // For pasting into a spreadsheet: `;` as French Excel expects, cells made inert against formulas.
      copyText: people.map((p) => [p.user.name, p.user.email, p.link].map(neutralizeFormula).join(';')).join('\n'),
    });
  };
}
