import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { type DomainError, ForbiddenError } from '../../shared/errors.ts';
import { says } from '../../shared/says.ts';
import { grantsOf } from '../../structures/queries.ts';
import { grantRoles } from '../../structures/schema.ts';
import { inScope, scopeOf, viewOf } from '../../structures/scope.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import type { AccountDeps } from '../account-deps.ts';
import { AccountInactiveError, LastAdminError, SelfDeactivationError, UserNotFoundError } from '../errors.ts';
import { holdsNetworkRole } from '../privileged.ts';
import { accessOf, findSecondFactor, findUser } from '../queries.ts';
import { roles, type User } from '../schema.ts';
import { changeRole } from '../use-cases/change-role.ts';
import { issueAccessLink } from '../use-cases/issue-access-link.ts';
import { resetSecondFactor } from '../use-cases/reset-second-factor.ts';
import { setAccountActive } from '../use-cases/set-account-active.ts';
import { renderLink } from './render-link.ts';
import { messageOf, settle } from './settle.ts';

const RoleForm = z.object({ role: z.enum(roles, says('admin.role.invalid')) });
const notices = ['role', 'deactivated', 'activated', 'grant'] as const;
const mfaNotice = 'second-factor-reset';

/**
 * The person of the URL, if within the administrator's scope (else 404); an administrator of part of the
 * network manages learners only, never someone holding a role on the whole network (403).
 */
export async function requirePerson({ store }: Pick<AccountDeps, 'store'>, req: Request): Promise<Readonly<User>> {
  const person = await findUser(store, String(req.params.id));
  const { user: actor, networkRoles } = req.res!.locals;
  if (!person || !inScope(await scopeOf(store, actor!, ['admin']), person.structure))
    throw new UserNotFoundError(String(req.params.id));
  if (!networkRoles?.has('admin') && (await holdsNetworkRole(store, person)))
    throw new ForbiddenError('a network role');
  return person;
}

async function renderPerson(res: Response, { store, clock }: AccountDeps, person: Readonly<User>, errors: FieldErrors) {
  const done = String(res.req.query.done ?? '');
  const { tree, scope } = await viewOf(store, res.locals.user!, ['admin']);
  res.render('admin/user', {
    structureName: (code: string) => tree.byCode.get(code)?.name ?? code,
    grants: await grantsOf(store, person.id),
    grantRoles,
    grantStructures: structureOptions(tree).filter((option) => inScope(scope, option.code)),
    canChangeRole: res.locals.networkRoles?.has('admin') ?? false,
    title: person.name,
    person,
    roles,
    access: await accessOf(store, person, clock()),
    secondFactor: await findSecondFactor(store, person.id),
    isSelf: person.id === res.locals.user!.id,
    notice:
      done === mfaNotice
        ? res.locals.t('mfa.admin.resetDone')
        : (notices as readonly string[]).includes(done)
          ? res.locals.t(`admin.person.done.${done as (typeof notices)[number]}`)
          : undefined,
    errors,
    values: { role: person.role },
  });
}

/** A refusal of an admin rule re-renders the person's page with the reason next to its field (400). */
function renderRefusal(res: Response, deps: AccountDeps, person: Readonly<User>, field: string, error: DomainError) {
  return renderPerson(res.status(400), deps, person, { [field]: messageOf(res, error) });
}

export function showPerson(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    await renderPerson(res, deps, await requirePerson(deps, req), {});
  };
}

export function submitRole(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    // The account's own role reaches the whole network: only an administrator of the whole network gives it.
    if (!res.locals.networkRoles?.has('admin')) throw new ForbiddenError('role on the whole network');
    const form = parseForm(RoleForm, req.body);
    if (!form.ok) return renderPerson(res.status(400), deps, person, form.errors);
    const actor = res.locals.user!;
    const changed = await settle(changeRole({ actorId: actor.id, userId: person.id, role: form.data.role }, deps), [
      LastAdminError,
    ]);
    if (changed instanceof LastAdminError) return renderRefusal(res, deps, person, 'role', changed);
    // An admin who gave up their own role can no longer see this page.
    res.redirect(
      303,
      person.id === actor.id && changed.role !== 'admin' ? '/me' : `/admin/users/${person.id}?done=role`,
    );
  };
}

export function confirmDeactivation(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    if (person.id === res.locals.user!.id)
      return renderRefusal(res, deps, person, '_form', new SelfDeactivationError());
    if (!person.active) return res.redirect(303, `/admin/users/${person.id}`);
    res.render('admin/deactivate', { title: res.locals.t('admin.deactivate.title', { name: person.name }), person });
  };
}

export function submitActive(deps: AccountDeps, active: boolean): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    const input = { actorId: res.locals.user!.id, userId: person.id, active };
    const changed = await settle(setAccountActive(input, deps), [SelfDeactivationError]);
    if (changed instanceof SelfDeactivationError) return renderRefusal(res, deps, person, '_form', changed);
    res.redirect(303, `/admin/users/${person.id}?done=${active ? 'activated' : 'deactivated'}`);
  };
}

export function submitAccessLink(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    const link = await settle(issueAccessLink({ actorId: res.locals.user!.id, userId: person.id }, deps), [
      AccountInactiveError,
    ]);
    if (link instanceof AccountInactiveError) return renderRefusal(res, deps, person, '_form', link);
    const { t } = res.locals;
    renderLink(res, deps.config, {
      title: t(link.kind === 'reset' ? 'admin.link.resetTitle' : 'admin.link.reinvitationTitle'),
      person: link.person,
      kind: link.kind,
      token: link.token,
      expiresAt: link.expiresAt,
      mailed: Boolean(deps.onPasswordLink),
    });
  };
}

/** A person lost their phone and their recovery codes: their second factor is removed (audited). */
export function submitSecondFactorReset(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    await resetSecondFactor({ actorId: res.locals.user!.id, userId: person.id }, deps);
    res.redirect(303, `/admin/users/${person.id}?done=${mfaNotice}`);
  };
}
