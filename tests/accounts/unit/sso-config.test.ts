import { describe, expect, it } from 'vitest';
import { mapClaims } from '../../../server/accounts/oidc/map-claims.ts';
import { ConfigError, loadConfig } from '../../../server/config.ts';

const sso = {
  OIDC_ISSUER: 'https://sso.exemple.org/realms/reseau',
  OIDC_CLIENT_ID: 'passerelle',
  OIDC_CLIENT_SECRET: 'tres-secret',
  BASE_URL: 'https://formation.exemple.org',
};

describe('single sign-on settings', () => {
  it('are off by default, with password sign-in on', () => {
    const config = loadConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.passwordLogin).toBe(true);
  });

  it('derive the redirect URI from BASE_URL and keep the defaults', () => {
    expect(loadConfig(sso).oidc).toMatchObject({
      issuer: sso.OIDC_ISSUER,
      redirectUri: 'https://formation.exemple.org/login/oidc/callback',
      scopes: 'openid email profile',
      claims: { name: 'name', roleMap: [] },
      defaultStructure: 'reseau',
      trustEmail: false,
    });
  });

  it('parse a role map', () => {
    const config = loadConfig({ ...sso, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'hr=rh,admin=admins,hr=drh' });
    expect(config.oidc?.claims.roleMap).toEqual([
      { role: 'hr', value: 'rh' },
      { role: 'admin', value: 'admins' },
      { role: 'hr', value: 'drh' },
    ]);
  });

  it.each([
    [{ OIDC_ISSUER: sso.OIDC_ISSUER }, 'demande les trois variables'],
    [{ ...sso, OIDC_ISSUER: 'http://sso.exemple.org' }, 'attendu une adresse https://'],
    [{ ...sso, OIDC_ROLE_MAP: 'hr=rh' }, 'OIDC_ROLE_MAP demande OIDC_ROLE_CLAIM'],
    [{ ...sso, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'chef=rh' }, 'OIDC_ROLE_MAP'],
    [{ ...sso, OIDC_SCOPES: 'email profile' }, 'OIDC_SCOPES'],
    [{ PASSWORD_LOGIN: 'false' }, 'PASSWORD_LOGIN=false demande une connexion unique'],
  ])('refuse %o in French', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accept a plain HTTP issuer on this machine only', () => {
    expect(loadConfig({ ...sso, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/test' }).oidc?.issuer).toContain(
      '127.0.0.1',
    );
  });

  it('never repeat the client secret in an error', () => {
    expect(() => loadConfig({ ...sso, OIDC_CLIENT_SECRET: 'x'.repeat(3000) })).toThrow('une valeur invalide');
  });
});

describe('claim mapping', () => {
  const config = loadConfig({
    ...sso,
    OIDC_ROLE_CLAIM: 'realm_access.roles',
    OIDC_ROLE_MAP: 'trainer=formateur,admin=admin-passerelle,hr=rh',
    OIDC_NAME_CLAIM: 'preferred_name',
    OIDC_STRUCTURE_CLAIM: 'org.site',
  }).oidc!;

  it('reads nested claims and keeps the role with the most rights', () => {
    expect(
      mapClaims(
        {
          iss: 'x',
          sub: 's',
          email: ' Zoe@Exemple.ORG ',
          email_verified: true,
          preferred_name: 'Zoé L.',
          org: { site: 'Antenne-Sud' },
          realm_access: { roles: ['rh', 'formateur'] },
        },
        config,
      ),
    ).toEqual({
      email: 'zoe@exemple.org',
      emailVerified: true,
      name: 'Zoé L.',
      structure: 'antenne-sud',
      defaultStructure: 'reseau',
      role: 'hr',
    });
  });

  it('falls back to given and family names, the default structure, and learner', () => {
    expect(mapClaims({ iss: 'x', sub: 's', email: 'a@b.fr', given_name: 'Ana', family_name: 'Lopez' }, config)).toEqual(
      {
        email: 'a@b.fr',
        emailVerified: false,
        name: 'Ana Lopez',
        structure: 'reseau',
        defaultStructure: 'reseau',
        role: 'learner',
      },
    );
  });

  it('takes the e-mail as verified only when told to trust the provider', () => {
    const trusting = loadConfig({ ...sso, OIDC_TRUST_EMAIL: 'true' }).oidc!;
    const person = mapClaims({ iss: 'x', sub: 's', email: 'a@b.fr' }, trusting);
    expect(person).toMatchObject({ emailVerified: true, role: undefined });
    expect(mapClaims({ iss: 'x', sub: 's' }, trusting).emailVerified).toBe(false);
  });
});
