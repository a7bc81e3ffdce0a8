import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { signIn, type TestApp } from '../../helpers/test-app.ts';
import { type Agent, invited, openAdminApp, tableOf } from './admin-app.ts';

let t: TestApp;
let admin: Readonly<User>;
let agent: Agent;

beforeEach(async () => {
  ({ t, admin, agent } = await openAdminApp());
});
afterEach(() => t.close());

describe('the list of users', () => {
  it('shows name, email, structure, role, status and access, with links to invite and import', async () => {
    await invited(t, admin, 'Jean Moulin', 'jean@exemple.org', 'Foyer Sud');
    const res = await agent.get('/admin/users').expect(200);
    expect(res.text.match(/<h1>/g)).toHaveLength(1);
    expect(res.text).toContain('<th scope="col">Structure</th>');
    expect(res.text).toMatch(/<caption[^>]*>2 comptes/);
    expect(res.text).toMatch(
      /Jean Moulin<\/a><\/td><td>jean@exemple.org<\/td><td>Foyer Sud<\/td><td>Apprenant·e<\/td><td>Actif<\/td><td>Invitation en attente<\/td>/,
    );
    expect(res.text).toContain('<td>Mot de passe défini</td>');
    expect(res.text).toContain('href="/admin/users/new"');
    expect(res.text).toContain('href="/admin/users/import"');
    t.advance(8 * 86_400_000);
    const later = await (await signIn(t, admin)).get('/admin/users').expect(200);
    expect(tableOf(later.text)).toContain('<td>Invitation expirée ou absente</td>');
  });

  it('searches name, email and structure whatever the accents and case, and filters by role and structure', async () => {
    await invited(t, admin, 'Zoé Lefèvre', 'zoe@exemple.org', 'Foyer Sud');
    await invited(t, admin, 'Jean Moulin', 'jean@exemple.org', 'Foyer Sud');
    const byName = await agent.get('/admin/users').query({ q: 'lefevre' }).expect(200);
    expect(tableOf(byName.text)).toContain('Zoé Lefèvre');
    expect(tableOf(byName.text)).not.toContain('Jean Moulin');
    const byStructure = await agent.get('/admin/users').query({ structure: 'Foyer Sud' }).expect(200);
    expect(tableOf(byStructure.text)).toContain('Jean Moulin');
    expect(tableOf(byStructure.text)).not.toContain('Alice Admin');
    const byRole = await agent.get('/admin/users').query({ role: 'admin' }).expect(200);
    expect(tableOf(byRole.text)).toContain('Alice Admin');
    expect(tableOf(byRole.text)).not.toContain('Zoé Lefèvre');
    const byEmail = await agent.get('/admin/users').query({ q: 'JEAN@' }).expect(200);
    expect(tableOf(byEmail.text)).toContain('Jean Moulin');
  });

  it('shows an empty state when nothing matches', async () => {
    const res = await agent.get('/admin/users').query({ q: 'personne-de-ce-nom' }).expect(200);
    expect(res.text).toContain('Aucun compte ne correspond à ces critères.');
    expect(res.text).not.toContain('<table');
  });

  it('shows 50 people per page with links between pages that keep the filters', async () => {
    for (let i = 0; i < 60; i++)
      await invited(t, admin, `Salarié ${String(i).padStart(2, '0')}`, `s${i}@exemple.org`, 'Atelier');
    const first = await agent.get('/admin/users').query({ structure: 'Atelier' }).expect(200);
    expect(first.text.match(/<tr><td>/g)).toHaveLength(50);
    expect(first.text).toContain('href="/admin/users?structure=Atelier&amp;page=2" rel="next"');
    const second = await agent.get('/admin/users').query({ structure: 'Atelier', page: '2' }).expect(200);
    expect(second.text.match(/<tr><td>/g)).toHaveLength(10);
    expect(second.text).toContain('Salarié 59');
  });
});
