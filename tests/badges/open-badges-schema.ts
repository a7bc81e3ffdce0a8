// The 1EdTech JSON Schema of an AchievementCredential (vendored in tests/fixtures/open-badges), compiled
// once. See the README there: this revision names the validity dates with the VC Data Model 1.1 words,
// so `issuanceDate`/`expirationDate` are renamed `validFrom`/`validUntil` (VC Data Model 2.0) here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';

const file = path.resolve(import.meta.dirname, '../fixtures/open-badges/ob_v3p0_achievementcredential_schema.json');

interface Schema {
  required: string[];
  properties: Record<string, unknown>;
}

function forDataModel2(schema: Schema): Schema {
  const { issuanceDate, expirationDate, ...properties } = schema.properties;
  return {
    ...schema,
    required: schema.required.map((name) => (name === 'issuanceDate' ? 'validFrom' : name)),
    properties: { ...properties, validFrom: issuanceDate, validUntil: expirationDate },
  };
}

const ajv = new Ajv2019({
  allErrors: true,
  formats: {
    'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    date: /^\d{4}-\d{2}-\d{2}$/,
  },
});
export const validateAchievementCredential = ajv.compile(forDataModel2(JSON.parse(readFileSync(file, 'utf8'))));

/** The schema's complaints, one line each, or an empty list. */
export function schemaErrors(credential: unknown): string[] {
  if (validateAchievementCredential(credential)) return [];
  return (validateAchievementCredential.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
