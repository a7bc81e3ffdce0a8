import { renderCertificatePdf } from './pdf/render-certificate-pdf.ts';
import type { PdfCache } from './pdf-cache.ts';
import type { Certificate } from './schema.ts';
import { verifyUrl } from './verify-url.ts';

/** The PDF of a certificate as it stands today: stamped « révoquée » or « remplacée » once withdrawn. */
export function certificatePdf(certificate: Readonly<Certificate>, deps: { baseUrl: string; cache: PdfCache }) {
  return deps.cache.get(certificate, () =>
    renderCertificatePdf(certificate.snapshot, {
      verifyUrl: verifyUrl(deps.baseUrl, certificate),
      withdrawal:
        certificate.status === 'valid' ? undefined : { status: certificate.status, at: certificate.statusChangedAt },
    }),
  );
}
