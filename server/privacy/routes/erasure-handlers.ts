import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { findUser } from '../../accounts/queries.ts';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { says } from '../../shared/says.ts';
import { ErasedAccountError, PersonNotFoundError, SelfErasureError } from '../errors.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';
import { findErasure } from '../queries.ts';
import { erasePerson } from '../use-cases/erase-person.ts';

const ErasureForm = z.object({
  reason: z
    .string(says('privacy.erase.reasonMissing'))
    .trim()
    .min(3, says('privacy.erase.reasonMissing'))
    .max(500, says('privacy.erase.reasonTooLong')),
  keepCertificates: z.literal('yes').optional(),
  confirm: z.literal('yes', says('privacy.erase.confirmMissing')),
});

async function personOf({ store }: PrivacyDeps, req: Request) {
  const person = await findUser(store, String(req.params.id));
  if (!person) throw new PersonNotFoundError(String(req.params.id));
  return person;
}

async function renderErasure(
  res: Response,
  deps: PrivacyDeps,
  req: Request,
  form: { errors: FieldErrors; values: Record<string, string> },
) {
  const person = await personOf(deps, req);
  const erasure = await findErasure(deps.store, person.id);
  res.render('privacy/erase', {
    title: res.locals.t(erasure ? 'privacy.erase.doneTitle' : 'privacy.erase.title', { name: person.name }),
    person,
    erasure,
    isSelf: person.id === res.locals.user!.id,
    certificates: (await deps.store.findBy('certificates', 'userId', person.id)).length,
    keepYears: deps.config.privacy.retention.keptCertificateYears,
    errors: form.errors,
    values: form.values,
  });
}

/** The confirmation page: what goes, what stays, a reason and the choice about certificates. */
export function confirmErasure(deps: PrivacyDeps): RequestHandler {
  return async (req, res) => {
    const keep: Record<string, string> = deps.config.privacy.erasureKeepsCertificates
      ? { keepCertificates: 'yes' }
      : {};
    await renderErasure(res, deps, req, { errors: {}, values: keep });
  };
}

export function submitErasure(deps: PrivacyDeps): RequestHandler {
  return async (req, res) => {
    const person = await personOf(deps, req);
    const form = parseForm(ErasureForm, req.body);
    if (!form.ok) return renderErasure(res.status(400), deps, req, form);
    const input = {
      actorId: res.locals.user!.id,
      userId: person.id,
      reason: form.data.reason,
      keepCertificates: form.data.keepCertificates === 'yes',
    };
    try {
      await erasePerson(deps, input);
    } catch (error) {
      if (!(error instanceof SelfErasureError)) throw error;
      return renderErasure(res.status(409), deps, req, {
        errors: { _form: res.locals.t('privacy.erase.self') },
        values: req.body as Record<string, string>,
      });
    }
    res.redirect(303, `/admin/users/${person.id}/erase`);
  };
}

/**
 * Before the account administration's own handlers: an erased person's account cannot be reopened (which
 * would let someone sign in as the pseudonymous account). Passes every other request on.
 */
export function refuseErasedAccount({ store }: PrivacyDeps): RequestHandler {
  return async (req, _res, next) => {
    if (await findErasure(store, String(req.params.id))) throw new ErasedAccountError();
    next();
  };
}
