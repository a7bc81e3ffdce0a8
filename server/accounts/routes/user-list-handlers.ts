import type { RequestHandler } from 'express';
import { z } from 'zod';
import { grantsOf } from '../../structures/queries.ts';
import { codesInView, inScope, viewOf } from '../../structures/scope.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import type { AccountDeps } from '../account-deps.ts';
import { accessOfEach, listUsers } from '../queries.ts';
import { roles } from '../schema.ts';

const pageSize = 50;

// Query strings come from links and bookmarks: a bad value falls back to "no filter" rather than a 400.
const ListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  role: z.union([z.enum(roles), z.literal('')]).catch(''),
  structure: z.string().trim().max(120).catch(''),
  page: z.coerce.number().int().min(1).catch(1),
});
type ListQuery = z.infer<typeof ListQuery>;

/** The list's address for another page, keeping the filters. */
function pageHref(query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.role) params.set('role', query.role);
  if (query.structure) params.set('structure', query.structure);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/admin/users${search ? `?${search}` : ''}`;
}

export function showUsers({ store, clock }: AccountDeps): RequestHandler {
  return async (req, res) => {
    const query = ListQuery.parse(req.query);
    const { tree, scope } = await viewOf(store, res.locals.user!, ['admin']);
    // A structure filter means it and everything below it; outside the scope, it does not exist (404).
    const codes = codesInView(tree, scope, query.structure || undefined);
    const found = await listUsers(store, { ...query, structure: '' }, query.page, pageSize, codes);
    res.render('admin/users', {
      title: res.locals.t('admin.users.title'),
      query,
      roles,
      people: found.items,
      access: await accessOfEach(store, found.items, clock()),
      total: found.total,
      page: found.page,
      pages: found.pageCount,
      pageHref: (n: number) => pageHref(query, n),
      structures: structureOptions(tree).filter((option) => inScope(scope, option.code)),
      structureName: (code: string) => tree.byCode.get(code)?.name ?? code,
      filtered: Boolean(query.q || query.role || query.structure),
      // The tree's pages are the network's administrators'; one granted lower reaches the face of what they
      // administer from here.
      administered: scope.all
        ? []
        : (await grantsOf(store, res.locals.user!.id))
            .filter((grant) => grant.role === 'admin')
            .map((grant) => ({
              code: grant.structureId,
              name: tree.byCode.get(grant.structureId)?.name ?? grant.structureId,
            })),
    });
  };
}
