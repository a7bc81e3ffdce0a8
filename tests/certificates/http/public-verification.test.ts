import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { completeCourse } from './complete-course.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { org: { name: 'Association Les Tisserands', city: 'Roubaix' } } });
});
afterAll(async () => {
  await t.close();
});

/** A learner with a certificate, and the HR agent who manages it. */
async function certified(name: string) {
  const holder = await addUser(t, 'learner', { name });
  const id = await completeCourse(t, await signIn(t, holder));
  const certificate = (await t.store.get('certificates', id))!;
  const hr = await signIn(t, await addUser(t, 'hr'));
  const form = async (action: string, fields: Record<string, string>) => {
    const page = await hr.get(`/certificates/${id}`).expect(200);
    return hr
      .post(`/certificates/${id}/${action}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), ...fields })
      .expect(303);
  };
  return { id, token: certificate.token, form };
}

describe('the public verification page', () => {
  it('names the holder of a valid certificate, as the PDF does', async () => {
    const { token } = await certified('Anna Valide');
    const page = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(page.text).toContain('Statut : valide');
    expect(page.text).toContain('Anna Valide');
  });

  it('shows only the course, the date and the status of a revoked certificate, not who held it', async () => {
    const { token, form } = await certified('Bruno Révoqué');
    await form('revoke', { reason: 'Délivrée par erreur', confirm: 'yes' });
    const page = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(page.text).toContain('Statut : révoquée');
    expect(page.text).toContain('Cours de démonstration (version 2)');
    expect(page.text).toContain('23 novembre 2026');
    for (const personal of ['Bruno Révoqué', 'Temps mesuré', 'Personne formée', 'Délivrée par erreur'])
      expect(page.text).not.toContain(personal);
  });

  it('does not name the holder of a replaced certificate either, and links to the replacement', async () => {
    const { token, form } = await certified('Chloé Ancien-Nom');
    const res = await form('reissue', { learnerName: 'Chloé Nouveau-Nom' });
    const page = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(page.text).toContain('Statut : remplacée');
    expect(page.text).toContain('Cours de démonstration (version 2)');
    expect(page.text).not.toContain('Chloé Ancien-Nom');
    const replacement = (await t.store.get('certificates', res.headers.location!.split('/').pop()!))!;
    expect(page.text).toContain(`href="/verify/${replacement.token}"`);
  });

  it('still shows the holder a revoked certificate on their own page', async () => {
    const holder = await addUser(t, 'learner', { name: 'Denis Titulaire' });
    const agent = await signIn(t, holder);
    const id = await completeCourse(t, agent);
    const hr = await signIn(t, await addUser(t, 'hr'));
    const page = await hr.get(`/certificates/${id}`).expect(200);
    await hr
      .post(`/certificates/${id}/revoke`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Erreur', confirm: 'yes' })
      .expect(303);
    const own = await agent.get(`/certificates/${id}`).expect(200);
    expect(own.text).toContain('Statut : révoquée');
    expect(own.text).toContain('Denis Titulaire');
  });
});
