import { type Request, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../http/parse-form.ts';
import { NotFoundError } from '../shared/errors.ts';
import { checkPasswordStrength } from './check-password-strength.ts';
import { LoginThrottle } from './login-throttle.ts';
import { findValidToken } from './one-time-tokens.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { endAllSessions, endSession, type SessionDeps, startSession } from './sessions.ts';
import { createUser, EmailTakenError, findUserByEmail, hasActiveAdmin, NewUser } from './users.ts';

const LoginForm = z.object({
  email: z.string().trim().min(1, 'Indiquez votre adresse e-mail.').max(200),
  password: z.string().min(1, 'Indiquez votre mot de passe.').max(200),
  next: z.string().optional(),
});

const PasswordFields = z
  .object({ password: z.string().max(200), confirm: z.string().max(200) })
  .refine((f) => f.password === f.confirm, {
    message: 'Les deux mots de passe ne sont pas identiques.',
    path: ['confirm'],
  });

const safeNext = (next: string | undefined) =>
  next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/me';

/** Sign-in, sign-out, first-run setup, invitation and password-reset links. */
export function accountRoutes(deps: SessionDeps): Router {
  const { store, clock } = deps;
  const router = Router();
  const throttle = new LoginThrottle();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (_req, res) =>
      renderLogin(
        res,
        { _form: 'Trop de tentatives depuis cette connexion. Patientez 15 minutes puis réessayez.' },
        {},
        undefined,
        429,
      ),
  });

  const renderLogin = (
    res: Response,
    errors: FieldErrors,
    values: Record<string, string>,
    next?: string,
    status = 200,
  ) => res.status(status).render('accounts/login', { title: 'Se connecter', errors, values, next: safeNext(next) });

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, safeNext(String(req.query.next ?? '')));
    renderLogin(res, {}, {}, String(req.query.next ?? ''));
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const form = parseForm(LoginForm, req.body);
    if (!form.ok) return renderLogin(res.status(400), form.errors, form.values, req.body?.next);
    const { email, password, next } = form.data;
    const key = email.toLowerCase();
    const now = clock().getTime();
    const user = await findUserByEmail(store, email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (throttle.isLocked(key, now)) {
      return renderLogin(
        res,
        { _form: 'Trop d’essais pour ce compte. Patientez 15 minutes puis réessayez.' },
        { email },
        next,
        429,
      );
    }
    if (!user || !valid || !user.active) {
      throttle.fail(key, now);
      return renderLogin(res, { _form: 'Adresse e-mail ou mot de passe incorrect.' }, { email }, next, 401);
    }
    throttle.succeed(key);
    await startSession(res, deps, user, res.locals.sessionId);
    res.redirect(303, safeNext(next));
  });

  router.post('/logout', async (_req, res) => {
    await endSession(res, store);
    res.redirect(303, '/');
  });

  // First run: a one-time setup link printed at start-up creates the first administrator.
  router.get('/setup', async (req, res) => {
    const token = await setupToken(req);
    renderSetup(res, token, {}, {});
  });
  router.post('/setup', async (req, res) => {
    const token = await setupToken(req);
    const identity = parseForm(NewUser.omit({ role: true, matricule: true }), req.body);
    const password = parseForm(PasswordFields, req.body);
    const errors = { ...(identity.ok ? {} : identity.errors), ...(password.ok ? {} : password.errors) };
    const weak = password.ok ? checkPasswordStrength(password.data.password, [req.body.email, req.body.name]) : null;
    if (weak) errors.password = weak;
    if (!identity.ok || !password.ok || weak)
      return renderSetup(res.status(400), token, errors, identity.ok ? req.body : identity.values);
    const passwordHash = await hashPassword(password.data.password);
    const user = await createUser(
      store,
      { ...identity.data, matricule: null, role: 'admin' },
      clock(),
      passwordHash,
    ).catch((error: unknown) => {
      if (error instanceof EmailTakenError) return undefined;
      throw error;
    });
    if (!user) return renderSetup(res.status(400), token, { email: 'Cette adresse est déjà utilisée.' }, req.body);
    await store.transact((tx) => {
      tx.put('tokens', { ...token, usedAt: clock().toISOString(), userId: user.id });
    });
    await startSession(res, deps, user);
    res.redirect(303, '/admin/users');
  });

  async function setupToken(req: Request) {
    const raw = String(req.query.token ?? '');
    const token = await findValidToken(store, raw, 'setup', clock());
    if (!token || (await hasActiveAdmin(store))) throw new NotFoundError();
    return token;
  }
  const renderSetup = (res: Response, token: { id: string }, errors: FieldErrors, values: Record<string, string>) =>
    res.render('accounts/set-password', {
      title: 'Créer le compte administrateur',
      intro: 'Première mise en route : créez le compte qui administrera Passerelle (invitations, rôles, attestations).',
      action: `/setup?token=${encodeURIComponent(String(res.req.query.token ?? ''))}`,
      askIdentity: true,
      submitLabel: 'Créer le compte',
      errors,
      values,
      tokenId: token.id,
    });

  // Invitation and reset links both end with the person choosing a password, then signed in.
  for (const kind of ['invitation', 'reset'] as const) {
    const path = kind === 'invitation' ? '/invitations/:token' : '/reset/:token';
    const title =
      kind === 'invitation' ? 'Bienvenue : choisissez votre mot de passe' : 'Choisissez un nouveau mot de passe';
    const load = async (req: Request) => {
      const token = await findValidToken(store, String(req.params.token), kind, clock());
      const user = token?.userId ? await store.get('users', token.userId) : undefined;
      if (!token || !user?.active) throw new NotFoundError();
      return { token, user };
    };
    const render = (res: Response, email: string, errors: FieldErrors) =>
      res.render('accounts/set-password', {
        title,
        action: res.req.originalUrl.split('?')[0],
        email,
        submitLabel: 'Enregistrer le mot de passe',
        errors,
        values: {},
      });
    router.get(path, async (req, res) => {
      const { user } = await load(req);
      render(res, user.email, {});
    });
    router.post(path, async (req, res) => {
      const { token, user } = await load(req);
      const form = parseForm(PasswordFields, req.body);
      const weak = form.ok ? checkPasswordStrength(form.data.password, [user.email, user.name]) : null;
      if (!form.ok || weak) return render(res.status(400), user.email, form.ok ? { password: weak! } : form.errors);
      const passwordHash = await hashPassword(form.data.password);
      const now = clock().toISOString();
      await endAllSessions(store, user.id);
      const updated = await store.transact(async (tx) => {
        const current = await tx.get('tokens', token.id);
        if (current?.usedAt) throw new NotFoundError();
        tx.put('tokens', { ...token, usedAt: now });
        return tx.put('users', { ...user, passwordHash, updatedAt: now });
      });
      await startSession(res, deps, updated);
      res.redirect(303, '/me');
    });
  }

  return router;
}
