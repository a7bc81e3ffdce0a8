import { createHash } from 'node:crypto';
import type { Certificate } from '../certificates/schema.ts';
import { translate } from '../i18n/translate.ts';
import { achievementOf } from './achievement.ts';
import { openBadgesContext, statusListUrl, vcContext } from './badge-urls.ts';
import { issuerProfile } from './issuer-profile.ts';

export interface CredentialInput {
  certificate: Readonly<Certificate>;
  /** The holder's e-mail, published only as a salted SHA-256 hash. */
  email: string;
  org: { name: string };
  baseUrl: string;
  /** The certificate's bit in the revocation status list. */
  statusIndex: number;
}

/**
 * The salt of a certificate's e-mail hash: derived from its secret verification token, so it is stable
 * (the same credential every download) and tells nothing of the token.
 */
export function identitySalt(certificate: Pick<Certificate, 'token'>): string {
  return createHash('sha256').update(`open-badges-salt:${certificate.token}`).digest('base64url').slice(0, 22);
}

/** `sha256$<hex>` of the identifier followed by the salt, as the Open Badges IdentityHash says. */
export function identityHash(identifier: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identifier + salt, 'utf8')
    .digest('hex')}`;
}

/** The OpenBadgeCredential of a certificate (W3C VC Data Model 2.0, Open Badges 3.0), before signing. */
export function buildCredential(input: CredentialInput) {
  const { certificate, baseUrl } = input;
  const snapshot = certificate.snapshot;
  const salt = identitySalt(certificate);
  const statusList = statusListUrl(baseUrl);
  const achievement = achievementOf(snapshot, certificate.course, baseUrl);
  return {
    '@context': [vcContext, openBadgesContext],
    id: `urn:uuid:${certificate.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: translate('badges.credential.name', { title: snapshot.courseTitle }),
    description: translate('badges.credential.description', { issuer: input.org.name, title: snapshot.courseTitle }),
    issuer: issuerProfile(input.org, baseUrl),
    validFrom: snapshot.issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: snapshot.learnerName },
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: identityHash(input.email.trim().toLowerCase(), salt),
          salt,
        },
      ],
      ...(snapshot.startedAt ? { activityStartDate: snapshot.startedAt } : {}),
      activityEndDate: snapshot.completedAt,
      achievement,
      result: [
        { type: ['Result'], resultDescription: achievement.resultDescription[0]!.id, value: String(snapshot.score) },
      ],
    },
    credentialStatus: {
      id: `${statusList}#${input.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(input.statusIndex),
      statusListCredential: statusList,
    },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;
