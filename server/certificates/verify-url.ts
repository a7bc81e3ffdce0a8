import type { Certificate } from './schema.ts';

/** The public address printed on the PDF and encoded in its QR code. */
export function verifyUrl(baseUrl: string, certificate: Pick<Certificate, 'token'>): string {
  return `${baseUrl}/verify/${certificate.token}`;
}
