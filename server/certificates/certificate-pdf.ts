import type { AppStore } from '../store/app-collections.ts';
import { renderCertificatePdf } from './pdf/render-certificate-pdf.ts';
import type { PdfCache } from './pdf-cache.ts';
import type { Certificate } from './schema.ts';
import { verifyUrl } from './verify-url.ts';

/** The PDF of a certificate as it stands today: stamped « révoquée » or « remplacée » once withdrawn. */
export function certificatePdf(
  certificate: Readonly<Certificate>,
  deps: { baseUrl: string; cache: PdfCache; store: Pick<AppStore, 'get'> },
) {
  return deps.cache.get(certificate, async () => {
    const hash = certificate.snapshot.issuer.logo;
    // Logos are never rewritten (named by their hash): the one issued with stays printable.
    const logo = hash ? await deps.store.get('structureLogos', hash) : undefined;
    return renderCertificatePdf(certificate.snapshot, {
      logo: logo?.type === 'png' ? Buffer.from(logo.data, 'base64') : undefined,
      verifyUrl: verifyUrl(deps.baseUrl, certificate),
      withdrawal:
        certificate.status === 'valid' ? undefined : { status: certificate.status, at: certificate.statusChangedAt },
    });
  });
}
