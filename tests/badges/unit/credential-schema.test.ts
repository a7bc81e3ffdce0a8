import { describe, expect, it } from 'vitest';
import { buildCredential } from '../../../server/badges/build-credential.ts';
import type { Certificate } from '../../../server/certificates/schema.ts';
import { schemaErrors } from '../open-badges-schema.ts';

const certificate: Certificate = {
  id: '6f1c2a4e-8d0b-4c1e-9a57-2b3c4d5e6f70',
  token: 'Qk9vLx2y3z4A5b6C7d8E9f',
  shortCode: 'PAS-ABCD-EFGH',
  userId: 'u1',
  course: 'accueil-public',
  courseVersion: 3,
  snapshot: {
    learnerName: 'Awa Diallo',
    courseTitle: 'Accueillir le public',
    courseVersion: 3,
    contentHash: 'abc',
    objectives: ['Accueillir avec bienveillance', 'Orienter vers le bon service'],
    declaredMinutes: 150,
    measuredMinutes: 162,
    startedAt: '2026-11-02T08:00:00.000Z',
    completedAt: '2026-11-20T15:30:00.000Z',
    score: 90,
    passMark: 80,
    issuer: { name: 'Association Les Tisserands', city: 'Roubaix' },
    shortCode: 'PAS-ABCD-EFGH',
    issuedAt: '2026-11-20T15:30:00.000Z',
  },
  status: 'valid',
  statusChangedAt: null,
  statusChangedBy: null,
  revokeReason: null,
  replacedBy: null,
  replaces: null,
};

const credential = buildCredential({
  certificate,
  email: 'awa@exemple.org',
  org: { name: 'Association Les Tisserands' },
  baseUrl: 'https://formation.exemple.org',
  statusIndex: 4242,
});

describe('the OpenBadgeCredential', () => {
  it('validates against the Open Badges 3.0 AchievementCredential JSON Schema', () => {
    expect(schemaErrors(credential)).toEqual([]);
  });

  it('is refused by that schema when a required part is missing (the check is not a formality)', () => {
    const { criteria: _criteria, ...withoutCriteria } = credential.credentialSubject.achievement;
    const broken = {
      ...credential,
      credentialSubject: { ...credential.credentialSubject, achievement: withoutCriteria },
    };
    expect(schemaErrors(broken)).toContain("/credentialSubject/achievement must have required property 'criteria'");
    const { validFrom: _validFrom, ...undated } = credential;
    expect(schemaErrors(undated)).toContain("/ must have required property 'validFrom'");
  });

  it('carries the course as the achievement: duration, version, language and the completion rules', () => {
    const achievement = credential.credentialSubject.achievement;
    expect(achievement).toMatchObject({
      id: 'https://formation.exemple.org/badges/achievements/accueil-public/3',
      name: 'Accueillir le public',
      version: '3',
      inLanguage: 'fr',
    });
    expect(achievement.criteria.narrative).toBe(
      'Suivre tous les modules de la formation « Accueillir le public » (version 3, durée déclarée : 2 h 30), réussir le quiz de chaque module qui en comporte un et l’évaluation finale avec au moins 80 % de bonnes réponses.',
    );
    expect(credential.credentialStatus).toEqual({
      id: 'https://formation.exemple.org/badges/status/revocation#4242',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: 'https://formation.exemple.org/badges/status/revocation',
    });
  });

  it('is the same credential at every download: the e-mail salt is stable and differs between certificates', () => {
    const again = buildCredential({
      certificate,
      email: 'AWA@exemple.org',
      org: { name: 'Association Les Tisserands' },
      baseUrl: 'https://formation.exemple.org',
      statusIndex: 4242,
    });
    expect(again).toEqual(credential);
    const other = buildCredential({
      certificate: { ...certificate, token: 'autre-jeton-de-verification' },
      email: 'awa@exemple.org',
      org: { name: 'Association Les Tisserands' },
      baseUrl: 'https://formation.exemple.org',
      statusIndex: 4242,
    });
    expect(other.credentialSubject.identifier[1]).not.toEqual(credential.credentialSubject.identifier[1]);
  });
});
