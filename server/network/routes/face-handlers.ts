import { readFile } from 'node:fs/promises';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { settle } from '../../accounts/routes/settle.ts';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { translate } from '../../i18n/translate.ts';
import { type DomainError, InvalidInputError, RejectedContentError, TooLargeError } from '../../shared/errors.ts';
import { says } from '../../shared/says.ts';
import { BrandColourTooLightError, LogoTooLargeError, StructureNotFoundError } from '../../structures/errors.ts';
import { normalizeHexColour } from '../../structures/face/brand-colour.ts';
import { checkLogo, maxLogoBytes } from '../../structures/face/check-logo.ts';
import { type OwnFace, resolveFace } from '../../structures/face/resolve-face.ts';
import { loadTree } from '../../structures/queries.ts';
import { inScope, scopeOf } from '../../structures/scope.ts';
import { pathToRoot, type StructureNode } from '../../structures/tree.ts';
import { changeStructureFace } from '../../structures/use-cases/change-structure-face.ts';
import { changeStructureLogo } from '../../structures/use-cases/change-structure-logo.ts';
import { sentence } from '../../studio/routes/sentence.ts';
import { withUpload } from '../../studio/routes/with-upload.ts';
import type { FaceDeps } from '../face/face-deps.ts';
import { logoUrl } from '../face/logo-url.ts';

const optionalText = (max: number, tooLong: Parameters<typeof says>[0]) =>
  z
    .string()
    .trim()
    .max(max, says(tooLong))
    .transform((v) => v || undefined);

const FaceForm = z.object({
  colour: z
    .string()
    .trim()
    .max(20, says('structures.face.colourInvalid'))
    .transform((typed, ctx) => {
      if (!typed) return undefined;
      const colour = normalizeHexColour(typed);
      if (!colour) ctx.addIssue({ code: 'custom', message: translate('structures.face.colourInvalid') });
      return colour;
    }),
  signatoryPlace: optionalText(80, 'structures.face.placeTooLong'),
  signatoryName: optionalText(160, 'structures.face.nameTooLong'),
});

const notices = {
  saved: 'structures.face.saved',
  logo: 'structures.face.logoSaved',
  removed: 'structures.face.logoRemoved',
} as const;

/** The structure, if it lies within what this administrator manages (404 otherwise, as if it did not exist). */
async function requireFacedNode(deps: FaceDeps, req: Request, res: Response) {
  const tree = await loadTree(deps.store);
  const node = tree.byCode.get(String(req.params.code));
  const scope = await scopeOf(deps.store, res.locals.user!, ['admin'], tree);
  if (!node || !inScope(scope, node.code)) throw new StructureNotFoundError(String(req.params.code));
  return { tree, node };
}

/** What the people of the structure would see if it did not set `part` itself. */
function inheritedWithout(path: StructureNode[], part: keyof OwnFace, deps: FaceDeps) {
  const [own, ...above] = path;
  const { [part]: _dropped, ...rest } = own!.face ?? {};
  const face = Object.keys(rest).length > 0 ? rest : undefined;
  return resolveFace([{ code: own!.code, name: own!.name, ...(face ? { face } : {}) }, ...above], deps.defaults);
}

async function renderFace(res: Response, deps: FaceDeps, errors: FieldErrors, values: Record<string, string>) {
  const { node, tree } = await requireFacedNode(deps, res.req, res);
  const path = pathToRoot(tree, node.code);
  const own = node.face ?? {};
  const done = String(res.req.query.done ?? '') as keyof typeof notices;
  const holderName = (code: string) => tree.byCode.get(code)?.name ?? '';
  const withoutLogo = inheritedWithout(path, 'logo', deps);
  res.render('network/face', {
    title: res.locals.t('structures.face.title', { name: node.name }),
    node,
    structureFace: resolveFace(path, deps.defaults),
    ownLogoUrl: own.logo ? logoUrl(own.logo) : undefined,
    inheritedLogoFrom: withoutLogo.logo ? holderName(path.slice(1).find((n) => n.face?.logo)?.code ?? '') : undefined,
    inherited: {
      colour: inheritedWithout(path, 'colour', deps).colour,
      place: inheritedWithout(path, 'signatoryPlace', deps).signatory.place,
      name: inheritedWithout(path, 'signatoryName', deps).signatory.name,
    },
    maxKb: maxLogoBytes / 1024,
    errors,
    values: {
      colour: own.colour ?? '',
      signatoryPlace: own.signatoryPlace ?? '',
      signatoryName: own.signatoryName ?? '',
      ...values,
    },
    notice: notices[done] ? res.locals.t(notices[done]) : undefined,
  });
}

export function showFace(deps: FaceDeps): RequestHandler {
  return (_req, res) => renderFace(res, deps, {}, {});
}

export function submitFace(deps: FaceDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireFacedNode(deps, req, res);
    const form = parseForm(FaceForm, req.body);
    if (!form.ok) return renderFace(res.status(400), deps, form.errors, form.values);
    const changed = await settle(
      changeStructureFace(deps.store, { code: node.code, ...form.data }, res.locals.user!.id, deps.clock()),
      [BrandColourTooLightError],
    );
    if (changed instanceof BrandColourTooLightError) {
      const typed = {
        colour: req.body.colour,
        signatoryPlace: req.body.signatoryPlace,
        signatoryName: req.body.signatoryName,
      };
      const values = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, String(v ?? '')]));
      return renderFace(res.status(400), deps, { colour: res.locals.t(changed.messageKey!, changed.params) }, values);
    }
    deps.faces.forget();
    res.redirect(303, `/admin/structures/${node.code}/face?done=saved`);
  };
}

/** Multipart: the CSRF token is checked while reading, before the file (studio/routes/receive-multipart.ts). */
export function submitLogo(deps: FaceDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireFacedNode(deps, req, res);
    const options = {
      fileField: 'logo',
      maxFileBytes: maxLogoBytes,
      tmpDir: deps.tmpDir,
      tooLarge: () => new LogoTooLargeError(maxLogoBytes / 1024),
    };
    try {
      await withUpload(req, res, options, async (file) => {
        const logo = checkLogo(file ? await readFile(file.path) : Buffer.alloc(0));
        await changeStructureLogo(deps.store, { code: node.code, logo }, res.locals.user!.id, deps.clock());
      });
    } catch (error) {
      if (!isUploadRefusal(error)) throw error;
      const message = sentence(res.locals.t(error.messageKey!, error.params));
      return renderFace(res.status(error instanceof TooLargeError ? 413 : 400), deps, { logo: message }, {});
    }
    deps.faces.forget();
    res.redirect(303, `/admin/structures/${node.code}/face?done=logo`);
  };
}

const isUploadRefusal = (error: unknown): error is DomainError =>
  (error instanceof RejectedContentError || error instanceof InvalidInputError || error instanceof TooLargeError) &&
  error.messageKey !== undefined;

/** Removing the logo is asked first, saying what people will see instead. */
export function confirmLogoRemoval(deps: FaceDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireFacedNode(deps, req, res);
    if (!node.face?.logo) return res.redirect(303, `/admin/structures/${node.code}/face`);
    res.render('network/face-logo-remove', {
      title: res.locals.t('structures.face.logoRemoveTitle', { name: node.name }),
      node,
      logoUrl: logoUrl(node.face.logo),
    });
  };
}

export function submitLogoRemoval(deps: FaceDeps): RequestHandler {
  return async (req, res) => {
    const { node } = await requireFacedNode(deps, req, res);
    await changeStructureLogo(deps.store, { code: node.code, logo: undefined }, res.locals.user!.id, deps.clock());
    deps.faces.forget();
    res.redirect(303, `/admin/structures/${node.code}/face?done=removed`);
  };
}
