import type { Certificate } from '../certificates/schema.ts';

/** The certificate that speaks for the course today: the last one issued (a replacement, or a revoked one). */
export function latestCertificate(
  certificates: readonly Readonly<Certificate>[],
  course: string,
): Readonly<Certificate> | undefined {
  let latest: Readonly<Certificate> | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const certificate of certificates) {
    if (certificate.course !== course) continue;
    const issuedAt = Date.parse(certificate.snapshot.issuedAt);
    if (issuedAt >= latestAt) {
      latest = certificate;
      latestAt = issuedAt;
    }
  }
  return latest;
}
