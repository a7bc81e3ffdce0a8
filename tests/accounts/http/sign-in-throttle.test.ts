// Someone who knows an email address must not be able to lock its owner out: failed sign-ins slow down
// the client that makes them, on that account only. Clients are told apart by their address, which the
// app reads from X-Forwarded-For here because it is configured behind one proxy.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import type { AuditEntry } from '../../../server/audit/schema.ts';
import { addUser, createTestApp, csrfOf, type TestApp, testPassword } from '../../helpers/test-app.ts';

let t: TestApp;
let victim: Readonly<User>;
beforeEach(async () => {
  t = await createTestApp({ config: { trustProxy: 1 } });
  victim = await addUser(t, 'admin', { email: 'directrice@exemple.org' });
});
afterEach(() => t.close());

/** A browser at this address, with the sign-in form open. */
async function clientAt(address: string) {
  const agent = request.agent(t.app);
  const _csrf = csrfOf((await agent.get('/login').set('X-Forwarded-For', address)).text);
  const signIn = (email: string, password: string) =>
    agent.post('/login').set('X-Forwarded-For', address).type('form').send({ _csrf, email, password });
  return { signIn };
}

async function auditOf(action: string): Promise<Readonly<AuditEntry>[]> {
  const entries: Readonly<AuditEntry>[] = [];
  for await (const entry of t.store.all('audit')) if (entry.action === action) entries.push(entry);
  return entries;
}

describe('failed sign-ins', () => {
  it('let the owner sign in from their own device while someone else hammers the account', async () => {
    const attacker = await clientAt('203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attacker.signIn(victim.email, `devine ${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429, 429, 429]);
    const owner = await clientAt('198.51.100.4');
    const res = await owner.signIn(victim.email, testPassword);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/me');
  });

  it('make the client that fails wait longer and longer, saying how long, even with the right password', async () => {
    const attacker = await clientAt('203.0.113.7');
    for (let i = 0; i < 5; i++) await attacker.signIn(victim.email, `devine ${i}`);
    const refused = await attacker.signIn(victim.email, testPassword);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Trop d’essais pour ce compte depuis cette connexion. Patientez 15 secondes');
    t.advance(15_000);
    expect((await attacker.signIn(victim.email, 'encore faux')).status).toBe(401);
    expect((await attacker.signIn(victim.email, testPassword)).text).toContain('Patientez 30 secondes');
    t.advance(30_000);
    expect((await attacker.signIn(victim.email, testPassword)).status).toBe(303);
  });

  it('go to the audit trail, with successes, for HR and admin accounts only', async () => {
    const learner = await addUser(t, 'learner');
    const at = '198.51.100.4';
    await (await clientAt(at)).signIn(victim.email, 'pas le bon');
    await (await clientAt(at)).signIn(learner.email, 'pas le bon');
    await (await clientAt(at)).signIn(learner.email, testPassword);
    await (await clientAt(at)).signIn(victim.email, testPassword);
    expect(await auditOf('user.sign_in_failed')).toMatchObject([
      { actorId: null, target: victim.id, details: { client: at } },
    ]);
    expect(await auditOf('user.signed_in')).toMatchObject([
      { actorId: victim.id, target: victim.id, details: { client: at } },
    ]);
  });
});
