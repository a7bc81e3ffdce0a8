import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { type FieldErrors, parseForm } from '../http/parse-form.ts';
import { formatDateFr } from '../i18n/format-date-fr.ts';
import { NotFoundError } from '../shared/errors.ts';
import { neutralizeFormula } from '../shared/neutralize-formula.ts';
import type { AppCollections, AppStore } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { requireRole } from './guards.ts';
import { putToken, tokenExpiry } from './one-time-tokens.ts';
import { parseStaffCsv, type StaffCsvError } from './parse-staff-csv.ts';
import { type Role, roles, type User } from './schema.ts';
import { endAllSessions, type SessionDeps } from './sessions.ts';
import { EmailTakenError, NewUser, putUser } from './users.ts';

const pageSize = 50;

const roleLabels: Record<Role, string> = {
  learner: 'Apprenant·e',
  trainer: 'Formateur·rice',
  hr: 'Ressources humaines',
  admin: 'Administrateur·rice',
};

// Query strings come from links and bookmarks: a bad value falls back to "no filter" rather than a 400.
const ListQuery = z.object({
  q: z.string().trim().max(100).catch(''),
  role: z.union([z.enum(roles), z.literal('')]).catch(''),
  structure: z.string().trim().max(120).catch(''),
  page: z.coerce.number().int().min(1).catch(1),
});

const RoleForm = z.object({ role: z.enum(roles, { error: 'Choisissez un rôle dans la liste.' }) });

const notices = {
  role: 'Le rôle a été modifié.',
  deactivated: 'Le compte a été désactivé et la personne a été déconnectée.',
  activated: 'Le compte a été réactivé.',
} as const;

/** A rule of user administration was not respected; the message is shown to the admin as is. */
class AdminRuleError extends Error {
  override readonly name = 'AdminRuleError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Some emails of an import are already used; nothing was written. */
class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
  constructor(readonly errors: StaffCsvError[]) {
    super(`${errors.length} adresse(s) déjà utilisée(s)`);
  }
}

const collator = new Intl.Collator('fr');
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const timeFr = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const formatDateTimeFr = (date: Date) => `${formatDateFr(date.toISOString())} à ${timeFr.format(date)}`;

// The invite form's email must not fail on a space pasted around it (NewUser checks the format before trimming).
const trimmed = (body: unknown) =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  );

/** Listing, invitations, CSV import, roles, deactivation and password-reset links; admins only. */
export function adminRoutes(deps: SessionDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const admin = requireRole('admin');
  const linkTo = (kind: 'invitation' | 'reset', token: string) =>
    `${config.baseUrl}/${kind === 'invitation' ? 'invitations' : 'reset'}/${token}`;

  router.get('/admin/users', ...admin, async (req, res) => {
    const query = ListQuery.parse(req.query);
    const needle = fold(query.q);
    const structures = new Set<string>();
    const matches: Readonly<User>[] = [];
    for await (const person of store.all('users')) {
      structures.add(person.structure);
      if (query.role && person.role !== query.role) continue;
      if (query.structure && person.structure !== query.structure) continue;
      if (needle && !fold(`${person.name}\n${person.email}\n${person.structure}`).includes(needle)) continue;
      matches.push(person);
    }
    matches.sort((a, b) => collator.compare(a.name, b.name) || a.email.localeCompare(b.email));
    const pages = Math.max(1, Math.ceil(matches.length / pageSize));
    const page = Math.min(query.page, pages);
    const people = matches.slice((page - 1) * pageSize, page * pageSize);
    const access = await Promise.all(people.map((p) => accessOf(store, p, clock())));
    const pageHref = (n: number) => {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.role) params.set('role', query.role);
      if (query.structure) params.set('structure', query.structure);
      if (n > 1) params.set('page', String(n));
      const search = params.toString();
      return `/admin/users${search ? `?${search}` : ''}`;
    };
    res.render('admin/users', {
      title: 'Utilisateurs',
      query,
      people,
      access,
      total: matches.length,
      page,
      pages,
      pageHref,
      structures: [...structures].sort(collator.compare),
      roleLabels,
      filtered: Boolean(query.q || query.role || query.structure),
    });
  });

  const renderInvite = (res: Response, errors: FieldErrors, values: Record<string, unknown>) =>
    res.render('admin/invite', { title: 'Inviter une personne', errors, values, roleLabels });

  router.get('/admin/users/new', ...admin, (_req, res) => {
    renderInvite(res, {}, { role: 'learner' });
  });

  router.post('/admin/users', ...admin, async (req, res) => {
    const form = parseForm(NewUser, trimmed(req.body));
    if (!form.ok) return renderInvite(res.status(400), form.errors, form.values);
    const now = clock();
    const invited = await store
      .transact(async (tx) => {
        const { user, token } = await putInvitedUser(tx, form.data, res.locals.user!.id, now);
        recordAudit(tx, {
          at: now,
          actorId: res.locals.user!.id,
          action: 'user.invited',
          target: user.id,
          details: { role: user.role },
        });
        return { user, token };
      })
      .catch((error: unknown) => {
        if (error instanceof EmailTakenError) return undefined;
        throw error;
      });
    if (!invited) {
      return renderInvite(
        res.status(400),
        { email: 'Un compte existe déjà avec cette adresse e-mail.' },
        trimmed(req.body),
      );
    }
    renderLink(res, {
      title: 'Invitation créée',
      person: invited.user,
      kind: 'invitation',
      link: linkTo('invitation', invited.token),
      expiresAt: tokenExpiry('invitation', now),
    });
  });

  const renderImport = (res: Response, csv: string, errors: StaffCsvError[]) =>
    res.render('admin/import', { title: 'Importer une liste de personnes', csv, errors });

  router.get('/admin/users/import', ...admin, (_req, res) => {
    renderImport(res, '', []);
  });

  router.post('/admin/users/import', ...admin, async (req, res) => {
    const csv = typeof req.body?.csv === 'string' ? req.body.csv : '';
    const parsed = parseStaffCsv(csv);
    const taken = await emailsTaken(store, parsed.rows, parsed.lines);
    if (parsed.errors.length > 0 || taken.length > 0) {
      return renderImport(
        res.status(400),
        csv,
        [...parsed.errors, ...taken].sort((a, b) => a.line - b.line),
      );
    }
    const now = clock();
    const actorId = res.locals.user!.id;
    const created = await store
      .transact(async (tx) => {
        // Checked again inside the transaction: an account may have been created since the check above.
        const conflicts = await emailsTaken(tx, parsed.rows, parsed.lines);
        if (conflicts.length > 0) throw new ImportConflictError(conflicts);
        const results = [];
        for (const input of parsed.rows) results.push(await putInvitedUser(tx, input, actorId, now));
        recordAudit(tx, {
          at: now,
          actorId,
          action: 'users.imported',
          target: null,
          details: { count: results.length, userIds: results.map((r) => r.user.id) },
        });
        return results;
      })
      .catch((error: unknown) => {
        if (error instanceof ImportConflictError) return error;
        throw error;
      });
    if (created instanceof ImportConflictError) return renderImport(res.status(400), csv, created.errors);
    const people = created.map(({ user, token }) => ({ user, link: linkTo('invitation', token) }));
    res.set('Cache-Control', 'no-store');
    res.render('admin/imported', {
      title: 'Import terminé',
      people,
      expiresLabel: formatDateTimeFr(tokenExpiry('invitation', now)),
      // For pasting into a spreadsheet: `;` as French Excel expects, cells made inert against formulas.
      copyText: people.map((p) => [p.user.name, p.user.email, p.link].map(neutralizeFormula).join(';')).join('\n'),
    });
  });

  const loadPerson = async (req: Request) => {
    const person = await store.get('users', String(req.params.id));
    if (!person) throw new NotFoundError();
    return person;
  };

  const renderPerson = async (res: Response, person: Readonly<User>, errors: FieldErrors = {}) => {
    const done = String(res.req.query.done ?? '');
    res.render('admin/user', {
      title: person.name,
      person,
      access: await accessOf(store, person, clock()),
      isSelf: person.id === res.locals.user!.id,
      notice: done in notices ? notices[done as keyof typeof notices] : undefined,
      errors,
      values: { role: person.role },
      roleLabels,
      formatDate: (iso: string) => formatDateFr(iso),
      formatDateTime: (iso: string) => formatDateTimeFr(new Date(iso)),
    });
  };

  /** Runs an admin rule; a refusal re-renders the person's page with the French reason (400). */
  const applyRule = async (res: Response, person: Readonly<User>, rule: () => Promise<string>) => {
    try {
      res.redirect(303, await rule());
    } catch (error) {
      if (!(error instanceof AdminRuleError)) throw error;
      await renderPerson(res.status(400), person, { [error.field]: error.message });
    }
  };

  router.get('/admin/users/:id', ...admin, async (req, res) => {
    await renderPerson(res, await loadPerson(req));
  });

  router.post('/admin/users/:id/role', ...admin, async (req, res) => {
    const person = await loadPerson(req);
    const form = parseForm(RoleForm, req.body);
    if (!form.ok) return renderPerson(res.status(400), person, form.errors);
    const actor = res.locals.user!;
    await applyRule(res, person, async () => {
      await changeRole(store, actor.id, person.id, form.data.role, clock());
      // An admin who gave up their own role can no longer see this page.
      return person.id === actor.id && form.data.role !== 'admin' ? '/me' : `/admin/users/${person.id}?done=role`;
    });
  });

  router.get('/admin/users/:id/deactivate', ...admin, async (req, res) => {
    const person = await loadPerson(req);
    if (person.id === res.locals.user!.id)
      return renderPerson(res.status(400), person, { _form: cannotDeactivateSelf });
    if (!person.active) return res.redirect(303, `/admin/users/${person.id}`);
    res.render('admin/deactivate', { title: `Désactiver le compte de ${person.name} ?`, person });
  });

  router.post('/admin/users/:id/deactivate', ...admin, async (req, res) => {
    const person = await loadPerson(req);
    await applyRule(res, person, async () => {
      await setActive(store, res.locals.user!.id, person.id, false, clock());
      await endAllSessions(store, person.id);
      return `/admin/users/${person.id}?done=deactivated`;
    });
  });

  router.post('/admin/users/:id/activate', ...admin, async (req, res) => {
    const person = await loadPerson(req);
    await setActive(store, res.locals.user!.id, person.id, true, clock());
    res.redirect(303, `/admin/users/${person.id}?done=activated`);
  });

  router.post('/admin/users/:id/reset-link', ...admin, async (req, res) => {
    const person = await loadPerson(req);
    if (!person.active) {
      return renderPerson(res.status(400), person, {
        _form: 'Ce compte est désactivé : réactivez-le avant de créer un lien.',
      });
    }
    // Someone who never chose a password gets a fresh invitation: a reset link would lead to the same page.
    const kind = person.passwordHash ? 'reset' : 'invitation';
    const now = clock();
    const actorId = res.locals.user!.id;
    const token = await store.transact(async (tx) => {
      const raw = await putToken(tx, { kind, userId: person.id, createdBy: actorId }, now);
      recordAudit(tx, {
        at: now,
        actorId,
        action: kind === 'reset' ? 'user.reset_link' : 'user.invited',
        target: person.id,
        details: kind === 'reset' ? {} : { resent: true },
      });
      return raw;
    });
    renderLink(res, {
      title: kind === 'reset' ? 'Lien de réinitialisation créé' : 'Nouveau lien d’invitation créé',
      person,
      kind,
      link: linkTo(kind, token),
      expiresAt: tokenExpiry(kind, now),
    });
  });

  return router;
}

const cannotDeactivateSelf =
  'Vous ne pouvez pas désactiver votre propre compte. Demandez à un autre administrateur de le faire.';

/** A one-time link is shown once (only its hash is kept): never let a cache or the back button keep it. */
function renderLink(
  res: Response,
  view: { title: string; person: Readonly<User>; kind: 'invitation' | 'reset'; link: string; expiresAt: Date },
) {
  res.set('Cache-Control', 'no-store');
  res.render('admin/link', { ...view, expiresLabel: formatDateTimeFr(view.expiresAt) });
}

/** Whether the person can sign in, has an invitation to accept, or needs a new one. */
async function accessOf(
  store: AppStore,
  person: Readonly<User>,
  now: Date,
): Promise<{ status: 'password' | 'pending' | 'expired'; label: string; expiresAt?: string }> {
  if (person.passwordHash) return { status: 'password', label: 'Mot de passe défini' };
  const invitation = (await store.findBy('tokens', 'userId', person.id)).find(
    (t) => t.kind === 'invitation' && !t.usedAt && Date.parse(t.expiresAt) > now.getTime(),
  );
  return invitation
    ? { status: 'pending', label: 'Invitation en attente', expiresAt: invitation.expiresAt }
    : { status: 'expired', label: 'Invitation expirée ou absente' };
}

/** Creates an account without a password and its invitation token, inside the caller's transaction. */
async function putInvitedUser(tx: Tx<AppCollections>, input: NewUser, actorId: string | null, now: Date) {
  const user = await putUser(tx, input, now);
  const token = await putToken(tx, { kind: 'invitation', userId: user.id, createdBy: actorId }, now);
  return { user, token };
}

async function emailsTaken(
  reader: Pick<Tx<AppCollections>, 'findBy'>,
  rows: readonly NewUser[],
  lines: readonly number[],
): Promise<StaffCsvError[]> {
  const errors: StaffCsvError[] = [];
  for (const [i, row] of rows.entries()) {
    if ((await reader.findBy('users', 'email', row.email)).length > 0) {
      errors.push({ line: lines[i]!, message: `un compte existe déjà avec l’adresse ${row.email}` });
    }
  }
  return errors;
}

async function changeRole(store: AppStore, actorId: string, userId: string, role: Role, now: Date): Promise<void> {
  await store.transact(async (tx) => {
    const person = await tx.get('users', userId);
    if (!person) throw new NotFoundError();
    if (person.role === role) return;
    if (person.role === 'admin' && person.active) {
      const activeAdmins = (await tx.findBy('users', 'role', 'admin')).filter((u) => u.active);
      if (activeAdmins.length <= 1) {
        throw new AdminRuleError(
          'role',
          `${person.name} est le dernier administrateur actif : donnez d’abord le rôle administrateur à une autre personne.`,
        );
      }
    }
    tx.put('users', { ...person, role, updatedAt: now.toISOString() });
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'user.role_changed',
      target: userId,
      details: { from: person.role, to: role },
    });
  });
}

async function setActive(store: AppStore, actorId: string, userId: string, active: boolean, now: Date): Promise<void> {
  await store.transact(async (tx) => {
    const person = await tx.get('users', userId);
    if (!person) throw new NotFoundError();
    if (!active && userId === actorId) throw new AdminRuleError('_form', cannotDeactivateSelf);
    if (person.active === active) return;
    tx.put('users', { ...person, active, updatedAt: now.toISOString() });
    recordAudit(tx, {
      at: now,
      actorId,
      action: active ? 'user.activated' : 'user.deactivated',
      target: userId,
      details: {},
    });
  });
}
