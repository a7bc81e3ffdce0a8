import { translate } from '../../i18n/translate.ts';
import { createPdfDocument } from '../../shared/pdf/pdf-document.ts';
import { oneLine } from '../../shared/pdf/text-fitting.ts';
import type { CertificateSnapshot } from '../certificate-snapshot.ts';
import type { Doc } from './layout.ts';

/** An A4 document with the fonts registered, dated and described from the snapshot only. */
export function certificateDocument(snapshot: CertificateSnapshot): Doc {
  // The creation date and the document ID (pdfkit hashes `info`) come from the snapshot only.
  return createPdfDocument({
    title: translate('certificates.pdf.documentTitle', { name: oneLine(snapshot.learnerName) }),
    author: oneLine(snapshot.issuer.name),
    subject: oneLine(snapshot.courseTitle),
    keywords: snapshot.shortCode,
    date: new Date(snapshot.issuedAt),
  });
}
