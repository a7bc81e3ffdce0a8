import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryBody, readZip } from '../../helpers/read-zip.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';
import { queuedMail, type SeededPerson, seedPerson } from '../seed-person.ts';

let t: TestApp;
let alice: SeededPerson;
let bob: SeededPerson;
const aliceId = { name: 'Alice Fontanelle', email: 'alice.fontanelle@exemple.org', matricule: 'MAT-ALICE-4411' };
const bobId = { name: 'Bertrand Quillard', email: 'bertrand.quillard@exemple.org', matricule: 'MAT-BOB-9922' };

beforeAll(async () => {
  t = await createTestApp({ config: queuedMail });
  const admin = await signIn(t, await addUser(t, 'admin'));
  alice = await seedPerson(t, admin, aliceId);
  bob = await seedPerson(t, admin, bobId);
});
afterAll(() => t.close());

async function download(agent: SeededPerson['agent']) {
  const res = await agent.get('/me/data/export').buffer(true).parse(binaryBody).expect(200);
  expect(res.headers['content-type']).toBe('application/zip');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mes-donnees-\d{4}-\d{2}-\d{2}\.zip"$/);
  return { files: await readZip(res.body as Buffer), raw: res.body as Buffer };
}

describe('« Mes données »', () => {
  it('lists on one page what is held about me, in French', async () => {
    const html = (await alice.agent.get('/me/data').expect(200)).text;
    expect(html).toContain('<h1>Mes données</h1>');
    expect(html).toContain(aliceId.email);
    expect(html).toContain(aliceId.matricule);
    expect(html).toContain('Formations commencées : 1');
    expect(html).toContain('Quiz envoyés : 2, soit 6 réponses gardées');
    expect(html).toContain('Attestations : 1');
    expect(html).toContain('Lien de réinitialisation');
    expect(html).toContain('href="/me/data/export"');
    expect(html).not.toContain(bobId.name);
  });

  it('downloads a zip with a readable JSON file and a CSV file per kind of data, all of mine', async () => {
    const { files } = await download(alice.agent);
    expect([...files.keys()].sort()).toEqual([
      'LISEZMOI.txt',
      'attestations.csv',
      'compte.csv',
      'e-mails.csv',
      'formations.csv',
      'journal-audit.csv',
      'mes-donnees.json',
      'progression.csv',
      'reponses-aux-quiz.csv',
    ]);
    const json = JSON.parse(files.get('mes-donnees.json')!);
    expect(json.compte).toMatchObject({ id: alice.user.id, ...aliceId, motDePasseDefini: true });
    expect(json.compte.passwordHash).toBeUndefined();
    const stored = async (coll: 'enrollments' | 'progress' | 'attempts' | 'emails') =>
      (await t.store.findBy(coll, 'userId', alice.user.id)).map((row) => row.id).sort();
    expect(json.formations.map((r: { id: string }) => r.id).sort()).toEqual(await stored('enrollments'));
    expect(json.progression.map((r: { id: string }) => r.id).sort()).toEqual(await stored('progress'));
    expect(json.reponsesAuxQuiz.map((r: { id: string }) => r.id).sort()).toEqual(await stored('attempts'));
    expect(json.emails.map((r: { id: string }) => r.id).sort()).toEqual(await stored('emails'));
    expect(json.emails.map((r: { kind: string }) => r.kind).sort()).toEqual(['certificate', 'reset']);
    expect(json.attestations.map((c: { id: string }) => c.id)).toEqual([alice.certificateId]);
    expect(json.journalAudit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.reset_link', 'privacy.data_exported']),
    );

    const csv = (name: string) =>
      files
        .get(name)!
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean);
    expect(csv('compte.csv')[1]).toContain(`${aliceId.name};${aliceId.email};Crèche Les Lilas;${aliceId.matricule}`);
    // One line per answer given: 4 questions of the first module, 2 of the final assessment.
    const answers = csv('reponses-aux-quiz.csv');
    expect(answers[0]).toBe(
      'Date;Formation;Module;Version;Question;Énoncé;Réponse donnée;Bonne réponse;Score du quiz (%);Quiz réussi',
    );
    expect(answers).toHaveLength(1 + 6);
    expect(answers.some((line) => line.includes(';premier;') && line.includes('WhatsApp'))).toBe(true);
    expect(csv('attestations.csv')[1]).toMatch(/^PAS-[0-9A-Z]{4}-[0-9A-Z]{4};Alice Fontanelle;/);
    expect(csv('e-mails.csv')).toHaveLength(3);
    expect(csv('journal-audit.csv').some((line) => line.includes('Lien de réinitialisation'))).toBe(true);
    expect(files.get('LISEZMOI.txt')).toContain('reponses-aux-quiz.csv');
  });

  it('holds nothing of anyone else: not a byte of a second learner’s name, e-mail, matricule or id', async () => {
    const { files } = await download(alice.agent);
    const everything = [...files.values()].join('\n');
    for (const trace of [bobId.name, bobId.email, bobId.matricule, bob.user.id, 'Bertrand', 'Quillard'])
      expect(everything).not.toContain(trace);
    const bobs = [...(await download(bob.agent)).files.values()].join('\n');
    expect(bobs).toContain(bobId.matricule);
    expect(bobs).not.toContain(aliceId.name);
  });

  it('is audited, and shows my own data whatever the address says', async () => {
    const before = (await t.store.findBy('audit', 'actorId', alice.user.id)).filter(
      (e) => e.action === 'privacy.data_exported',
    ).length;
    await download(alice.agent);
    const after = (await t.store.findBy('audit', 'actorId', alice.user.id)).filter(
      (e) => e.action === 'privacy.data_exported',
    );
    expect(after).toHaveLength(before + 1);
    expect(after[0]!.target).toBe(alice.user.id);
    const other = await alice.agent.get(`/me/data?user=${bob.user.id}&id=${bob.user.id}`).expect(200);
    expect(other.text).not.toContain(bobId.email);
    expect(other.text).toContain(aliceId.email);
    await alice.agent.get(`/me/data/${bob.user.id}`).expect(404);
  });

  it('needs a signed-in person', async () => {
    await request(t.app).get('/me/data').expect(303).expect('location', '/login?next=%2Fme%2Fdata');
    await request(t.app).get('/me/data/export').expect(303);
  });
});
