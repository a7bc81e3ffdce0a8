import type { Request, RequestHandler, Response } from 'express';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import type { AccountDeps } from '../account-deps.ts';
import { TokenInvalidError, WeakPasswordError } from '../errors.ts';
import { findPasswordLink } from '../queries.ts';
import type { User } from '../schema.ts';
import { choosePassword } from '../use-cases/choose-password.ts';
import { PasswordFields } from './password-fields.ts';
import { continueAfterPassword } from './second-factor-handlers.ts';
import { messageOf, settle } from './settle.ts';

type LinkKind = 'invitation' | 'reset';

/** The person the link of the request lets choose a password, or 404. */
async function requireLinkHolder({ store, clock }: AccountDeps, kind: LinkKind, req: Request): Promise<Readonly<User>> {
  const link = await findPasswordLink(store, kind, String(req.params.token), clock());
  if (!link) throw new TokenInvalidError();
  return link.user;
}

function renderChoosePassword(res: Response, kind: LinkKind, email: string, errors: FieldErrors) {
  const { t } = res.locals;
  res.render('accounts/set-password', {
    title: t(kind === 'invitation' ? 'accounts.invitation.title' : 'accounts.reset.title'),
    action: res.req.originalUrl.split('?')[0],
    email,
    submitLabel: t('accounts.password.save'),
    errors,
    values: {},
  });
}

/** Invitation and reset links both end with the person choosing a password, then signed in. */
export function showPasswordLink(deps: AccountDeps, kind: LinkKind): RequestHandler {
  return async (req, res) => {
    const person = await requireLinkHolder(deps, kind, req);
    renderChoosePassword(res, kind, person.email, {});
  };
}

export function submitPasswordLink(deps: AccountDeps, kind: LinkKind): RequestHandler {
  return async (req, res) => {
    const person = await requireLinkHolder(deps, kind, req);
    const form = parseForm(PasswordFields, req.body);
    if (!form.ok) return renderChoosePassword(res.status(400), kind, person.email, form.errors);
    const input = { kind, rawToken: String(req.params.token), password: form.data.password };
    const user = await settle(choosePassword(input, deps), [WeakPasswordError]);
    if (user instanceof WeakPasswordError)
      return renderChoosePassword(res.status(400), kind, person.email, { password: messageOf(res, user) });
    // A link proves the e-mail, not the phone: a person with a second factor (or a role that needs one) gives it too.
    await continueAfterPassword(req, res, deps, user, '/me');
  };
}
