// What the other domains' transactions put in the outbox, wired in app.ts when e-mail is configured.
import type { OnPasswordLink } from '../accounts/account-deps.ts';
import type { Certificate } from '../certificates/schema.ts';
import { verifyUrl } from '../certificates/verify-url.ts';
import type { Config } from '../config.ts';
import type { AppTx } from '../store/app-collections.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { certificateEmail } from './messages/certificate-email.ts';
import { passwordLinkEmail } from './messages/password-link-email.ts';
import { senderOf } from './sender-of.ts';

/** Invitations and reset links go to the person by e-mail, in the transaction that creates them. */
export function mailPasswordLinks(config: Config): OnPasswordLink {
  return async (tx, link, now) => {
    const content = passwordLinkEmail({
      kind: link.kind,
      baseUrl: config.baseUrl,
      token: link.token,
      expiresAt: link.expiresAt,
      ...(await senderOf(tx, link.user.structure, config)),
    });
    enqueueEmail(tx, { ...content, kind: link.kind, to: link.user.email, userId: link.user.id }, now);
  };
}

/** « Votre attestation », in the transaction that issues the certificate. */
export async function mailCertificate(
  tx: AppTx,
  certificate: Readonly<Certificate>,
  config: Config,
  now: Date,
): Promise<void> {
  const learner = await tx.get('users', certificate.userId);
  if (!learner?.active) return;
  const content = certificateEmail({
    baseUrl: config.baseUrl,
    certificateId: certificate.id,
    courseTitle: certificate.snapshot.courseTitle,
    verifyUrl: verifyUrl(config.baseUrl, certificate),
    ...(await senderOf(tx, learner.structure, config)),
    // The name the attestation was issued by, which the e-mail announces.
    org: certificate.snapshot.issuer.name,
  });
  enqueueEmail(tx, { ...content, kind: 'certificate', to: learner.email, userId: learner.id }, now);
}
