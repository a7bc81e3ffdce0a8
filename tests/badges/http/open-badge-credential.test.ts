// The credential as an outside verifier sees it: the keys are fetched over HTTP from the running app
// and checked with jose directly; nothing here imports the project's signing code.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, completeCourse } from '../../certificates/http/complete-course.ts';
import { freePort } from '../../helpers/start-server.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { schemaErrors } from '../open-badges-schema.ts';

let t: TestApp;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  t = await createTestApp({ config: { baseUrl, org: { name: 'Association Les Tisserands', city: 'Roubaix' } } });
  server = t.app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

interface Credential {
  id: string;
  type: string[];
  issuer: { id: string; name: string; url: string };
  validFrom: string;
  credentialSubject: {
    identifier: { identityType: string; hashed: boolean; identityHash: string; salt?: string }[];
    achievement: { name: string; version: string; inLanguage: string; criteria: { narrative: string } };
    result: { value: string }[];
  };
  credentialStatus: { type: string; statusPurpose: string; statusListIndex: string; statusListCredential: string };
}

/** What an independent verifier does: the issuer's published keys, fetched over HTTP, and jose. */
async function verify(jwt: string) {
  const keys = createRemoteJWKSet(new URL(`${baseUrl}/.well-known/jwks.json`));
  const { payload, protectedHeader } = await jwtVerify(jwt, keys, {
    algorithms: ['EdDSA'],
    issuer: `${baseUrl}/badges/issuer`,
  });
  return { payload: payload as JWTPayload & { vc: Credential }, protectedHeader };
}

/** The bit of a credential in the published status list, after checking the list's own signature. */
async function revoked(credential: Credential): Promise<boolean> {
  const res = await fetch(credential.credentialStatus.statusListCredential);
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  const { payload } = await verify(await res.text());
  const list = (payload as unknown as { vc: { credentialSubject: { encodedList: string; statusPurpose: string } } }).vc;
  expect(list.credentialSubject.statusPurpose).toBe('revocation');
  expect(list.credentialSubject.encodedList.startsWith('u')).toBe(true);
  const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
  expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
  const index = Number(credential.credentialStatus.statusListIndex);
  return (bits[Math.floor(index / 8)]! & (0x80 >> (index % 8))) !== 0;
}

async function certifiedLearner(name: string, email: string) {
  const learner = await addUser(t, 'learner', { name, email });
  const agent = await signIn(t, learner);
  const id = await completeCourse(t, agent);
  return { agent, id };
}

async function download(agent: Agent, id: string) {
  const jwt = (await agent.get(`/certificates/${id}/badge.jwt`).expect(200)).text;
  const json = (await agent.get(`/certificates/${id}/badge.json`).expect(200)).body as Credential;
  return { jwt, json };
}

async function hrForm(id: string, action: 'revoke' | 'reissue', fields: Record<string, string>) {
  const hr = await signIn(t, await addUser(t, 'hr'));
  const page = await hr.get(`/certificates/${id}`).expect(200);
  return hr
    .post(`/certificates/${id}/${action}`)
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...fields })
    .expect(303);
}

describe('the signed Open Badges credential of a certificate', () => {
  it('verifies with the published keys and says what the certificate says', async () => {
    const { agent, id } = await certifiedLearner('Awa Diallo', 'awa.diallo@exemple.org');
    const page = await agent.get(`/certificates/${id}`).expect(200);
    expect(page.text).toContain(`href="/certificates/${id}/badge.jwt"`);
    expect(page.text).toContain(`href="/certificates/${id}/badge.json"`);
    const { jwt, json } = await download(agent, id);
    const { payload, protectedHeader } = await verify(jwt);
    const vc = payload.vc;
    expect(json).toEqual(vc);
    expect(schemaErrors(vc)).toEqual([]);
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(protectedHeader.kid).toMatch(new RegExp(`^${baseUrl}/badges/keys/`));
    expect(payload.jti).toBe(vc.id);
    expect(payload.nbf).toBe(Math.floor(Date.parse(vc.validFrom) / 1000));
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.issuer).toMatchObject({
      id: `${baseUrl}/badges/issuer`,
      name: 'Association Les Tisserands',
      url: baseUrl,
    });
    const achievement = vc.credentialSubject.achievement;
    expect(achievement).toMatchObject({ name: 'Cours de démonstration', version: '2', inLanguage: 'fr' });
    expect(achievement.criteria.narrative).toMatch(/au moins \d+ % de bonnes réponses/);
    expect(achievement.criteria.narrative).toContain('durée déclarée');
    expect(vc.validFrom).toBe((await t.store.get('certificates', id))!.snapshot.issuedAt);
    // The name as printed; the e-mail only as a salted hash a verifier can check when told the address.
    const [name, email] = vc.credentialSubject.identifier;
    expect(name).toMatchObject({ identityType: 'name', hashed: false, identityHash: 'Awa Diallo' });
    expect(email).toMatchObject({ identityType: 'emailAddress', hashed: true });
    const expected = createHash('sha256').update(`awa.diallo@exemple.org${email!.salt}`).digest('hex');
    expect(email!.identityHash).toBe(`sha256$${expected}`);
    expect(jwt).not.toContain('exemple.org');
    expect(JSON.stringify(vc)).not.toMatch(/exemple\.org/);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(await revoked(vc)).toBe(false);
  });

  it('fails verification once its payload is changed', async () => {
    const { agent, id } = await certifiedLearner('Basile Martin', 'basile@exemple.org');
    const { jwt } = await download(agent, id);
    const [header, body, signature] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    payload.vc.credentialSubject.achievement.name = 'Formation jamais suivie';
    const forged = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    await expect(verify(forged)).rejects.toThrow(/signature verification failed/);
  });

  it('is listed as revoked once the certificate is revoked, and as revoked when replaced by a re-issue', async () => {
    const first = await certifiedLearner('Chloé Petit', 'chloe@exemple.org');
    const firstCredential = (await verify((await download(first.agent, first.id)).jwt)).payload.vc;
    const second = await certifiedLearner('Denis Lefèvre', 'denis@exemple.org');
    const secondCredential = (await verify((await download(second.agent, second.id)).jwt)).payload.vc;
    expect(await revoked(firstCredential)).toBe(false);
    await hrForm(first.id, 'revoke', { reason: 'Délivrée par erreur', confirm: 'yes' });
    expect(await revoked(firstCredential)).toBe(true);
    expect(await revoked(secondCredential)).toBe(false);
    await hrForm(second.id, 'reissue', { learnerName: 'Denis Lefebvre' });
    expect(await revoked(secondCredential)).toBe(true);
    // A withdrawn certificate is not handed out again.
    await first.agent.get(`/certificates/${first.id}/badge.jwt`).expect(409);
  });

  it('is only for its holder and HR', async () => {
    const { id } = await certifiedLearner('Emma Roux', 'emma@exemple.org');
    const other = await signIn(t, await addUser(t, 'learner'));
    await other.get(`/certificates/${id}/badge.jwt`).expect(404);
    const hr = await signIn(t, await addUser(t, 'hr'));
    await hr.get(`/certificates/${id}/badge.json`).expect(200);
    await fetch(`${baseUrl}/certificates/${id}/badge.jwt`, { redirect: 'manual' }).then((res) =>
      expect(res.status).not.toBe(200),
    );
  });
});

describe('the public documents a verifier reads', () => {
  it('publishes the issuer profile, the achievement and each key at its kid, cacheable, without a private part', async () => {
    const { agent, id } = await certifiedLearner('Fatou Ba', 'fatou@exemple.org');
    const { payload, protectedHeader } = await verify((await download(agent, id)).jwt);
    const issuer = await fetch(payload.vc.issuer.id);
    expect(issuer.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await issuer.json()).toMatchObject({ type: ['Profile'], name: 'Association Les Tisserands' });
    const achievement = await fetch((payload.vc.credentialSubject.achievement as unknown as { id: string }).id);
    expect(await achievement.json()).toMatchObject({ type: ['Achievement'], name: 'Cours de démonstration' });
    const key = await (await fetch(protectedHeader.kid!)).json();
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: protectedHeader.kid });
    const jwks = await fetch(`${baseUrl}/.well-known/jwks.json`);
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=300');
    expect(jwks.headers.get('access-control-allow-origin')).toBe('*');
    const text = await jwks.text();
    expect(text).not.toMatch(/"d"/);
    const page = await fetch(`${baseUrl}/verify/${(await t.store.get('certificates', id))!.token}`);
    const html = await page.text();
    expect(html).toContain('Open Badges 3.0');
    expect(html).toContain('Critères');
    expect(html).toContain('Valide depuis le');
  });
});
