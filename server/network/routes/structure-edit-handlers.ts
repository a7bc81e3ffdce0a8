import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { settle } from '../../accounts/routes/settle.ts';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { says } from '../../shared/says.ts';
import {
  RootStructureError,
  StructureCycleError,
  StructureNotFoundError,
  UnknownStructureError,
} from '../../structures/errors.ts';
import { loadTree } from '../../structures/queries.ts';
import { rootCode } from '../../structures/schema.ts';
import { StructureName } from '../../structures/structure-input.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import { type StructureNode, type StructureTree, subtreeCodes } from '../../structures/tree.ts';
import { mergeStructures } from '../../structures/use-cases/merge-structures.ts';
import { moveStructure } from '../../structures/use-cases/move-structure.ts';
import { renameStructure } from '../../structures/use-cases/rename-structure.ts';
import type { NetworkDeps } from '../network-deps.ts';

const NameForm = z.object({ name: StructureName });
const CodeField = z.string().trim().toLowerCase().min(1, says('structures.edit.chooseParent')).max(40);
const ParentForm = z.object({ parent: CodeField });
const MergeForm = z.object({ into: CodeField });
const notices = { name: 'structures.edit.renamed', parent: 'structures.edit.moved' } as const;

async function requireNode(deps: NetworkDeps, req: Request): Promise<{ tree: StructureTree; node: StructureNode }> {
  const tree = await loadTree(deps.store);
  const node = tree.byCode.get(String(req.params.code));
  if (!node) throw new StructureNotFoundError(String(req.params.code));
  return { tree, node };
}

async function renderStructure(res: Response, deps: NetworkDeps, errors: FieldErrors, values: Record<string, string>) {
  const { tree, node } = await requireNode(deps, res.req);
  const below = subtreeCodes(tree, node.code);
  const done = String(res.req.query.done ?? '') as keyof typeof notices;
  const merged = /^(\d+)-(\d+)$/.exec(String(res.req.query.merged ?? ''));
  res.render('network/structure', {
    title: res.locals.t('structures.edit.title', { name: node.name }),
    node,
    isRoot: node.code === rootCode,
    parents: structureOptions(tree, below),
    targets: structureOptions(tree, below),
    errors,
    values: { name: node.name, parent: node.parentCode ?? '', into: '', ...values },
    notice: merged
      ? res.locals.t('structures.merge.done', { people: merged[1]!, children: merged[2]! })
      : notices[done]
        ? res.locals.t(notices[done])
        : undefined,
  });
}

const refusal = (res: Response, error: { messageKey?: string; params?: Record<string, string | number> }) =>
  res.locals.t((error.messageKey ?? 'error.409.body') as never, error.params);

export function showStructure(deps: NetworkDeps): RequestHandler {
  return (_req, res) => renderStructure(res, deps, {}, {});
}

export function submitName(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireNode(deps, req);
    const form = parseForm(NameForm, req.body);
    if (!form.ok) return renderStructure(res.status(400), deps, form.errors, form.values);
    await renameStructure(deps.store, { code: node.code, name: form.data.name }, res.locals.user!.id, deps.clock());
    res.redirect(303, `/admin/structures/${node.code}?done=name`);
  };
}

export function submitParent(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireNode(deps, req);
    const form = parseForm(ParentForm, req.body);
    if (!form.ok) return renderStructure(res.status(400), deps, form.errors, form.values);
    const moved = await settle(
      moveStructure(deps.store, { code: node.code, parent: form.data.parent }, res.locals.user!.id, deps.clock()),
      [StructureCycleError, RootStructureError, UnknownStructureError],
    );
    if (moved instanceof Error)
      return renderStructure(res.status(409), deps, { parent: refusal(res, moved) }, form.data);
    res.redirect(303, `/admin/structures/${node.code}?done=parent`);
  };
}

/** The merge is shown first with what it will move; only the confirmation's POST merges. */
export function confirmMerge(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const { tree, node } = await requireNode(deps, req);
    const form = parseForm(MergeForm, req.query);
    const into = form.ok ? tree.byCode.get(form.data.into) : undefined;
    if (!form.ok || !into) return renderStructure(res.status(400), deps, form.ok ? {} : form.errors, {});
    if (node.code === rootCode || subtreeCodes(tree, node.code).has(into.code)) {
      const error = node.code === rootCode ? new RootStructureError() : new StructureCycleError(node.code, into.code);
      return renderStructure(res.status(409), deps, { into: refusal(res, error) }, {});
    }
    res.render('network/merge', {
      title: res.locals.t('structures.merge.title', { from: node.name, into: into.name }),
      node,
      into,
      people: (await deps.store.findBy('users', 'structure', node.code)).length,
      grants: (await deps.store.findBy('grants', 'structureId', node.code)).length,
    });
  };
}

export function submitMerge(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireNode(deps, req);
    const form = parseForm(MergeForm, req.body);
    if (!form.ok) return renderStructure(res.status(400), deps, form.errors, {});
    const merged = await settle(
      mergeStructures(deps.store, { from: node.code, into: form.data.into }, res.locals.user!.id, deps.clock()),
      [StructureCycleError, RootStructureError, StructureNotFoundError],
    );
    if (merged instanceof Error) return renderStructure(res.status(409), deps, { into: refusal(res, merged) }, {});
    res.redirect(303, `/admin/structures/${form.data.into}?merged=${merged.people}-${merged.children}`);
  };
}
