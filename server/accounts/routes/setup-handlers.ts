import type { Request, RequestHandler, Response } from 'express';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { StructureName } from '../../structures/structure-input.ts';
import type { AccountDeps } from '../account-deps.ts';
import { checkPasswordStrength } from '../check-password-strength.ts';
import { EmailTakenError, TokenInvalidError, WeakPasswordError } from '../errors.ts';
import { findSetupLink } from '../queries.ts';
import { completeSetup } from '../use-cases/complete-setup.ts';
import { NewUser } from '../users.ts';
import { PasswordFields } from './password-fields.ts';
import { continueAfterPassword } from './second-factor-handlers.ts';
import { messageOf, settle } from './settle.ts';

const Identity = NewUser.pick({ name: true, email: true }).extend({ structure: StructureName });

const rawTokenOf = (req: Request) => String(req.query.token ?? '');

/** The setup link of the request, or 404: a used, expired or unknown link, or an administrator already exists. */
async function requireSetupLink({ store, clock }: AccountDeps, req: Request): Promise<void> {
  if (!(await findSetupLink(store, rawTokenOf(req), clock()))) throw new TokenInvalidError();
}

/** What the person typed, passwords left out. */
function identityTyped(body: unknown): Record<string, string> {
  const fields = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    ['name', 'email', 'structure'].flatMap((k) => (typeof fields[k] === 'string' ? [[k, fields[k]]] : [])),
  );
}

function renderSetup(res: Response, errors: FieldErrors, values: Record<string, string>) {
  const { t } = res.locals;
  res.render('accounts/set-password', {
    title: t('accounts.setup.title'),
    intro: t('accounts.setup.intro'),
    action: `/setup?token=${encodeURIComponent(rawTokenOf(res.req))}`,
    askIdentity: true,
    submitLabel: t('accounts.setup.submit'),
    errors,
    values,
  });
}

export function showSetup(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    await requireSetupLink(deps, req);
    renderSetup(res, {}, {});
  };
}

export function submitSetup(deps: AccountDeps): RequestHandler {
  return async (req, res) => {
    await requireSetupLink(deps, req);
    const identity = parseForm(Identity, req.body);
    const password = parseForm(PasswordFields, req.body);
    if (!identity.ok || !password.ok) {
      const errors = { ...(identity.ok ? {} : identity.errors), ...(password.ok ? {} : password.errors) };
      // Every mistake at once: a weak password is named even while another field is being fixed.
      const typed = identityTyped(req.body);
      const weakness =
        password.ok && checkPasswordStrength(password.data.password, [typed.email ?? '', typed.name ?? '']);
      if (weakness) errors.password = res.locals.t(weakness.messageKey, weakness.params);
      return renderSetup(res.status(400), errors, typed);
    }
    const input = { ...identity.data, password: password.data.password, rawToken: rawTokenOf(req) };
    const admin = await settle(completeSetup(input, deps), [WeakPasswordError, EmailTakenError]);
    if (admin instanceof WeakPasswordError)
      return renderSetup(res.status(400), { password: messageOf(res, admin) }, identityTyped(req.body));
    if (admin instanceof EmailTakenError)
      return renderSetup(
        res.status(400),
        { email: res.locals.t('accounts.setup.emailTaken') },
        identityTyped(req.body),
      );
    // The first administrator sets up the second factor at once when the role requires it (the default).
    await continueAfterPassword(req, res, deps, admin, '/admin/users');
  };
}
