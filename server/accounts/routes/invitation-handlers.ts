import type { RequestHandler, Response } from 'express';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import type { DomainError } from '../../shared/errors.ts';
import { neutralizeFormula } from '../../shared/neutralize-formula.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { UnknownStructureError } from '../../structures/errors.ts';
import { inScope, viewOf } from '../../structures/scope.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import type { StructureTree } from '../../structures/tree.ts';
import type { AccountDeps } from '../account-deps.ts';
import { EmailTakenError, StaffListRejectedError } from '../errors.ts';
import type { StaffCsvError } from '../parse-staff-csv.ts';
import { roles } from '../schema.ts';
import { type ImportLimits, importStaff } from '../use-cases/import-staff.ts';
import { type Invitation, inviteUser } from '../use-cases/invite-user.ts';
import { NewUser } from '../users.ts';
import { invitationHref, renderLink } from './render-link.ts';
import { messageOf, settle } from './settle.ts';

// The invite form's email must not fail on a space pasted around it (NewUser checks the format before trimming).
const trimmed = (body: unknown) =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  );

/** What this administrator may create: learners only unless they administer the whole network, in their scope. */
async function limitsOf(store: AppStore, res: Response): Promise<ImportLimits & { tree: StructureTree }> {
  const { tree, scope } = await viewOf(store, res.locals.user!, ['admin']);
  return { tree, scope, learnersOnly: !res.locals.networkRoles?.has('admin') };
}

async function renderInvite(res: Response, store: AppStore, errors: FieldErrors, values: Record<string, unknown>) {
  const { tree, scope } = await limitsOf(store, res);
  const structures = structureOptions(tree).filter((option) => inScope(scope, option.code));
  res.render('admin/invite', { title: res.locals.t('admin.invite.title'), errors, values, roles, structures });
}

export function showInviteForm({ store }: AccountDeps): RequestHandler {
  return (_req, res) => renderInvite(res, store, {}, { role: 'learner' });
}

export function submitInvite(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const form = parseForm(NewUser, trimmed(req.body));
    if (!form.ok) return renderInvite(res.status(400), deps.store, form.errors, form.values);
    const limits = await limitsOf(deps.store, res);
    if (!inScope(limits.scope, form.data.structure))
      return renderInvite(
        res.status(400),
        deps.store,
        { structure: res.locals.t('structures.grants.outside') },
        trimmed(req.body),
      );
    if (limits.learnersOnly && form.data.role !== 'learner')
      return renderInvite(
        res.status(400),
        deps.store,
        { role: res.locals.t('structures.import.error.learnersOnly') },
        trimmed(req.body),
      );
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
    const limits = await limitsOf(deps.store, res);
    const imported = await settle(importStaff(csv, res.locals.user!.id, deps, limits), [StaffListRejectedError]);
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
