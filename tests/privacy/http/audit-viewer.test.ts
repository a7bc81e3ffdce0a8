import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let learner: Awaited<ReturnType<typeof addUser>>;
let hrUser: Awaited<ReturnType<typeof addUser>>;

beforeAll(async () => {
  t = await createTestApp();
  const adminUser = await addUser(t, 'admin', { name: 'Adèle Admin', email: 'adele@exemple.org' });
  admin = await signIn(t, adminUser);
  learner = await addUser(t, 'learner', { name: 'Lucas Apprenant', email: 'lucas@exemple.org' });
  hrUser = await addUser(t, 'hr', { name: 'Rita Humaine', email: 'rita@exemple.org' });
  // A role change, an HR sign-in and an HR export, a personal-data download, all on the first day.
  const person = await admin.get(`/admin/users/${learner.id}`);
  await admin
    .post(`/admin/users/${learner.id}/role`)
    .type('form')
    .send({ _csrf: csrfOf(person.text), role: 'trainer' })
    .expect(303);
  const hr = await signIn(t, hrUser);
  await hr.get('/hr/exports/completions.csv').expect(200);
  t.advance(3 * 86_400_000);
  await (await signIn(t, learner)).get('/me/data/export').expect(200);
  t.advance(60_000);
  admin = await signIn(t, adminUser);
}, 30_000);
afterAll(() => t.close());

describe('the audit trail viewer (/admin/audit)', () => {
  it('shows who did what and when, in French, newest first', async () => {
    const html = (await admin.get('/admin/audit').expect(200)).text;
    expect(html).toContain('<h1>Journal d’audit</h1>');
    const rows = [...html.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => ({ at: m[1], action: m[2], actor: m[3], target: m[4] }),
    );
    // Three days later: the admin's new sign-in, then Lucas's download, above everything of the first day.
    expect(rows[0]).toMatchObject({ action: 'Connexion', actor: 'Adèle Admin (adele@exemple.org)' });
    expect(rows[1]).toMatchObject({
      action: 'Téléchargement de « Mes données »',
      actor: 'Lucas Apprenant (lucas@exemple.org)',
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'Changement de rôle',
        actor: 'Adèle Admin (adele@exemple.org)',
        target: 'Lucas Apprenant (lucas@exemple.org)',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ action: 'Connexion', actor: 'Rita Humaine (rita@exemple.org)' }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ action: 'Export du suivi RH' }));
  });

  it('filters by action, by person and by period; a bad date is refused in French, the filters kept', async () => {
    const byAction = (await admin.get('/admin/audit?action=user.role_changed').expect(200)).text;
    expect(byAction.match(/<tr><td>/g)).toHaveLength(1);
    expect(byAction).toContain('<option value="user.role_changed" selected>');
    const byPerson = (await admin.get('/admin/audit?person=rita@exemple.org').expect(200)).text;
    expect(byPerson).toContain('<td>Export du suivi RH</td>');
    expect(byPerson).not.toContain('<td>Changement de rôle</td>');
    const day = t.now().toISOString().slice(0, 10);
    const recent = (await admin.get(`/admin/audit?from=${day}&to=${day}`).expect(200)).text;
    expect(recent.match(/<tr><td>/g)).toHaveLength(2);
    expect(recent).toContain('<td>Téléchargement de « Mes données »</td>');
    const nobody = (await admin.get('/admin/audit?person=personne@exemple.org').expect(200)).text;
    expect(nobody).toContain('Aucune entrée ne correspond.');
    const bad = await admin.get('/admin/audit?from=31/02/2026&person=rita@exemple.org').expect(400);
    expect(bad.text).toContain('Indiquez une date réelle, par exemple 31/12/2026.');
    expect(bad.text).toContain('value="rita@exemple.org"');
    expect(bad.text).toContain('<input type="text" id="from" name="from" value="31/02/2026"');
    // Typed the French way, a real date is understood.
    const [y, m, d] = day.split('-');
    const typed = (await admin.get(`/admin/audit?from=${d}/${m}/${y}`).expect(200)).text;
    expect(typed.match(/<tr><td>/g)).toHaveLength(2);
    await admin.get('/admin/audit?action=user.whatever').expect(400);
  });

  it('exports the filtered entries as CSV for Excel, and records the export', async () => {
    const res = await admin.get('/admin/audit.csv?action=user.role_changed').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('Date;Action;Par;Concerne;Détails');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      ';Changement de rôle;Adèle Admin (adele@exemple.org);Lucas Apprenant (lucas@exemple.org);',
    );
    const exported = (await admin.get('/admin/audit?action=audit.exported').expect(200)).text;
    expect(exported).toContain('action : user.role_changed');
  });

  it('is append-only: no route changes an entry, and only retention and erasure write to it after the fact', async () => {
    const before = [];
    for await (const entry of t.store.all('audit')) before.push(entry);
    for (const method of ['post', 'put', 'delete'] as const) {
      const res = await admin[method](`/admin/audit/${before[0]!.id}`);
      expect([403, 404]).toContain(res.status);
    }
    for (const entry of before) expect(await t.store.get('audit', entry.id)).toEqual(entry);
    // The source: writing an audit row is recordAudit's job; changing or deleting one is only done by
    // erasure (pseudonymisation) and retention.
    const root = path.resolve(import.meta.dirname, '../../../server');
    const allowed = new Set([
      'audit/record-audit.ts',
      'privacy/use-cases/erase-rows.ts',
      'privacy/use-cases/erase-person.ts',
      'privacy/retention/apply-retention.ts',
    ]);
    const writers: string[] = [];
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = await readFile(file, 'utf8');
      if (/\b(put|delete)\(\s*['"]audit['"]|as 'audit'/.test(text)) writers.push(path.relative(root, file));
    }
    expect(writers.filter((f) => !allowed.has(f))).toEqual([]);
    expect(writers.length).toBeGreaterThan(2);
  });

  it('records the sign-in of a privileged person who chose a password from a link', async () => {
    const page = await admin.get(`/admin/users/${hrUser.id}`);
    const link = await admin
      .post(`/admin/users/${hrUser.id}/reset-link`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    const url = /\/reset\/[\w-]+/.exec(link.text)![0];
    const agent = (await import('supertest')).default.agent(t.app);
    const form = await agent.get(url).expect(200);
    await agent
      .post(url)
      .type('form')
      .send({ _csrf: csrfOf(form.text), password: 'une autre phrase de passe', confirm: 'une autre phrase de passe' })
      .expect(303);
    const entries = (await t.store.findBy('audit', 'target', hrUser.id)).filter((e) => e.action === 'user.signed_in');
    expect(entries.map((e) => e.details)).toContainEqual({ via: 'reset' });
  });
});
