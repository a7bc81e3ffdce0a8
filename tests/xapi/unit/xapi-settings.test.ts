import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.ts';
import { statementId } from '../../../server/xapi/statement-id.ts';

describe('XAPI_ACTOR', () => {
  it('names learners by an opaque account unless the organisation chooses the e-mail', () => {
    expect(loadConfig({}).xapiActor).toBe('account');
    expect(loadConfig({ XAPI_ACTOR: 'email' }).xapiActor).toBe('email');
    expect(() => loadConfig({ XAPI_ACTOR: 'nom' })).toThrow(ConfigError);
    expect(() => loadConfig({ XAPI_ACTOR: 'nom' })).toThrow(/XAPI_ACTOR vaut « nom », attendu account/);
  });
});

describe('statement ids', () => {
  it('are RFC 4122 version 5 UUIDs, the same for the same event and different for another', () => {
    const id = statementId('answered:attempt-1:q1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statementId('answered:attempt-1:q1')).toBe(id);
    expect(statementId('answered:attempt-1:q2')).not.toBe(id);
  });
});
