// Under HTTPS, cookies carry the __Host- prefix: the browser then only accepts them from this exact
// host, over HTTPS, for the whole site, so a sibling subdomain cannot plant or overwrite them.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { addUser, createTestApp, csrfOf, type TestApp, testPassword } from '../../helpers/test-app.ts';

let t: TestApp;
let person: Readonly<User>;
beforeEach(async () => {
  t = await createTestApp({ config: { baseUrl: 'https://formation.exemple.org', secure: true } });
  person = await addUser(t);
});
afterEach(() => t.close());

/** `name=value` of the cookie set by a response. */
function cookieSet(res: request.Response, name: string): { pair: string; attributes: string } {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie set`);
  const [pair, ...attributes] = header.split('; ');
  return { pair: pair!, attributes: attributes.join('; ') };
}

async function signInOverHttps() {
  const form = await request(t.app).get('/login').expect(200);
  const anonymous = cookieSet(form, '__Host-pas_csrf');
  expect(anonymous.attributes).toBe('Path=/; HttpOnly; Secure; SameSite=Lax');
  const res = await request(t.app)
    .post('/login')
    .set('Cookie', anonymous.pair)
    .type('form')
    .send({ _csrf: csrfOf(form.text), email: person.email, password: testPassword })
    .expect(303);
  return cookieSet(res, '__Host-pas_session');
}

describe('cookies under HTTPS', () => {
  it('are named with the __Host- prefix, Secure, for the whole site', async () => {
    const session = await signInOverHttps();
    expect(session.attributes).toBe('Path=/; HttpOnly; Secure; SameSite=Lax');
    await request(t.app).get('/me').set('Cookie', session.pair).expect(200);
  });

  it('are not read without the prefix, as another subdomain could have set them', async () => {
    const session = await signInOverHttps();
    const planted = session.pair.replace('__Host-', '');
    await request(t.app).get('/me').set('Cookie', planted).expect(303);
  });
});
