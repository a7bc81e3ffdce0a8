import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';

const lrsEnv = { LRS_ENDPOINT: 'https://lrs.exemple.org/xapi/', LRS_KEY: 'cle', LRS_SECRET: 's3cr3t-du-lrs' };

describe('LRS settings', () => {
  it('are absent by default: nothing is forwarded', () => {
    expect(loadConfig({}).lrs).toBeUndefined();
  });

  it('take the three variables, with defaults for attempts, back-off and lease', () => {
    expect(loadConfig(lrsEnv).lrs).toEqual({
      endpoint: 'https://lrs.exemple.org/xapi',
      key: 'cle',
      secret: 's3cr3t-du-lrs',
      maxAttempts: 10,
      retrySeconds: 60,
      leaseSeconds: 120,
    });
  });

  it('refuse an incomplete set, in French, naming the three variables', () => {
    expect(() => loadConfig({ LRS_ENDPOINT: lrsEnv.LRS_ENDPOINT, LRS_KEY: 'cle' })).toThrow(
      'l’envoi vers un entrepôt xAPI demande les trois variables LRS_ENDPOINT, LRS_KEY et LRS_SECRET',
    );
  });

  it('refuse plain HTTP away from this machine (the secret would travel in clear), allow it on loopback', () => {
    expect(() => loadConfig({ ...lrsEnv, LRS_ENDPOINT: 'http://lrs.exemple.org/xapi' })).toThrow(
      'la variable LRS_ENDPOINT vaut « http://lrs.exemple.org/xapi », attendu une adresse https://',
    );
    expect(loadConfig({ ...lrsEnv, LRS_ENDPOINT: 'http://127.0.0.1:8080/xapi' }).lrs?.endpoint).toBe(
      'http://127.0.0.1:8080/xapi',
    );
  });

  it('never repeat the secret in an error', () => {
    let message = '';
    try {
      loadConfig({ ...lrsEnv, LRS_SECRET: 'x'.repeat(2001) });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('LRS_SECRET vaut une valeur invalide');
    expect(message).not.toContain('xxxx');
  });
});
