import type { RequestHandler } from 'express';
import { z } from 'zod';
import { requirePerson } from '../../accounts/routes/person-handlers.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { says } from '../../shared/says.ts';
import { GrantRole } from '../../structures/schema.ts';
import { inScope, scopeOf } from '../../structures/scope.ts';
import { grantRole, revokeGrant } from '../../structures/use-cases/grant-role.ts';
import type { NetworkDeps } from '../network-deps.ts';

const GrantForm = z.object({
  role: GrantRole,
  structure: z.string().trim().toLowerCase().min(1, says('structures.edit.chooseParent')).max(40),
});

/** An administrator gives a role only where they are administrator themselves: delegation never widens. */
async function requireAdminOf(deps: NetworkDeps, res: Parameters<RequestHandler>[1], structure: string) {
  if (!inScope(await scopeOf(deps.store, res.locals.user!, ['admin']), structure))
    throw new ForbiddenError('structure outside the scope', { messageKey: 'structures.grants.outside' });
}

export function submitGrant(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    const form = GrantForm.safeParse(req.body);
    if (!form.success) throw new ForbiddenError('bad grant form', { messageKey: 'structures.grants.outside' });
    await requireAdminOf(deps, res, form.data.structure);
    const input = { userId: person.id, role: form.data.role, structure: form.data.structure };
    await grantRole(deps.store, input, res.locals.user!.id, deps.clock());
    res.redirect(303, `/admin/users/${person.id}?done=grant`);
  };
}

export function submitRevoke(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const person = await requirePerson(deps, req);
    const grant = await deps.store.get('grants', String(req.params.grantId));
    if (grant && grant.userId === person.id) {
      await requireAdminOf(deps, res, grant.structureId);
      await revokeGrant(deps.store, { userId: person.id, grantId: grant.id }, res.locals.user!.id, deps.clock());
    }
    res.redirect(303, `/admin/users/${person.id}?done=grant`);
  };
}
