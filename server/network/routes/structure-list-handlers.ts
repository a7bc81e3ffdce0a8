import type { RequestHandler, Response } from 'express';
import { settle } from '../../accounts/routes/settle.ts';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { StructureCodeTakenError, StructureListRejectedError, UnknownStructureError } from '../../structures/errors.ts';
import { loadTree } from '../../structures/queries.ts';
import { NewStructure } from '../../structures/structure-input.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import { addStructure } from '../../structures/use-cases/add-structure.ts';
import { importStructureTree } from '../../structures/use-cases/import-structure-tree.ts';
import type { NetworkDeps } from '../network-deps.ts';

async function renderTree(
  res: Response,
  { store }: NetworkDeps,
  errors: FieldErrors,
  values: Record<string, string>,
  notice?: string,
) {
  const tree = await loadTree(store);
  res.render('network/structures', {
    title: res.locals.t('structures.admin.title'),
    tree,
    options: structureOptions(tree),
    errors,
    values,
    notice,
  });
}

export function showStructures(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const done = typeof req.query.added === 'string' ? req.query.added.slice(0, 120) : '';
    const imported = /^(\d+)-(\d+)$/.exec(String(req.query.imported ?? ''));
    const notice = done
      ? res.locals.t('structures.admin.added', { name: done })
      : imported
        ? res.locals.t('structures.import.done', { created: imported[1]!, updated: imported[2]! })
        : undefined;
    await renderTree(res, deps, {}, { parent: '' }, notice);
  };
}

export function submitStructure(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const form = parseForm(NewStructure, req.body);
    if (!form.ok) return renderTree(res.status(400), deps, form.errors, form.values);
    const added = await settle(addStructure(deps.store, form.data, res.locals.user!.id, deps.clock()), [
      StructureCodeTakenError,
      UnknownStructureError,
    ]);
    if (added instanceof StructureCodeTakenError || added instanceof UnknownStructureError) {
      const field = added instanceof StructureCodeTakenError ? 'code' : 'parent';
      const values = Object.fromEntries(Object.entries(req.body ?? {}).map(([k, v]) => [k, String(v)]));
      return renderTree(res.status(400), deps, { [field]: res.locals.t(added.messageKey!, added.params) }, values);
    }
    res.redirect(303, `/admin/structures?added=${encodeURIComponent(added.name)}`);
  };
}

function renderImport(res: Response, csv: string, errors: readonly { line: number; message: string }[]) {
  res.render('network/import', { title: res.locals.t('structures.import.title'), csv, errors });
}

export const showStructureImport: RequestHandler = (_req, res) => renderImport(res, '', []);

export function submitStructureImport(deps: NetworkDeps): RequestHandler {
  return async (req, res) => {
    const csv = typeof req.body?.csv === 'string' ? req.body.csv : '';
    const imported = await settle(importStructureTree(deps.store, csv, res.locals.user!.id, deps.clock()), [
      StructureListRejectedError,
    ]);
    if (imported instanceof StructureListRejectedError) return renderImport(res.status(400), csv, imported.errors);
    res.redirect(303, `/admin/structures?imported=${imported.created}-${imported.updated}`);
  };
}
