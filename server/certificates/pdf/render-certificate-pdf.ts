import { collectPdf } from '../../shared/pdf/pdf-document.ts';
import { CertificateSnapshot } from '../certificate-snapshot.ts';
import { certificateDocument } from './certificate-document.ts';
import { drawFacts, factColumns, factsHeight, modalitiesRow } from './facts.ts';
import { SECTION_GAP, SECTIONS_BOTTOM } from './layout.ts';
import { drawObjectives, planObjectives } from './objectives.ts';
import { drawAttestation, drawFrame, drawHeader, drawSignature, drawTitle } from './page-sections.ts';
import { drawVerificationPanel } from './verification-panel.ts';
import { drawWithdrawalStamp, type Withdrawal } from './withdrawal-stamp.ts';

/**
 * Renders the one-page "Attestation de fin de formation"; the same snapshot (and withdrawal) always gives
 * the same bytes. A revoked or replaced certificate is stamped as such.
 */
export async function renderCertificatePdf(
  cert: CertificateSnapshot,
  opts: { verifyUrl: string; withdrawal?: Withdrawal /** The PNG named by `issuer.logo`. */; logo?: Buffer },
): Promise<Buffer> {
  const snapshot = CertificateSnapshot.parse(cert);
  const { verifyUrl } = opts;
  // Printed, linked and encoded in the QR code as given: it must be a web address a phone can open.
  if (!/^https?:$/.test(URL.parse(verifyUrl)?.protocol ?? '')) {
    throw new TypeError(`verifyUrl must be an absolute http(s) URL, got ${verifyUrl}`);
  }
  const doc = certificateDocument(snapshot);
  let pages = 1;
  doc.on('pageAdded', () => {
    pages += 1;
  });
  const pdf = collectPdf(doc);

  drawFrame(doc);
  drawHeader(doc, snapshot, opts.logo);
  let y = drawTitle(doc);
  y = drawAttestation(doc, snapshot, y + 26) + 24;
  const facts = factColumns(snapshot);
  const modalities = modalitiesRow(snapshot);
  const objectivesSpace = SECTIONS_BOTTOM - factsHeight(facts, modalities) - SECTION_GAP - y;
  const objectives = planObjectives(doc, snapshot.objectives, objectivesSpace);
  // Share some of the space left over between the sections instead of leaving it all above the signature.
  const extra = Math.max(0, Math.min((objectivesSpace - (objectives?.height ?? 0)) / 3, 16));
  y = drawObjectives(doc, objectives, y + extra);
  drawFacts(doc, facts, y + SECTION_GAP + extra, modalities);
  drawSignature(doc, snapshot);
  drawVerificationPanel(doc, snapshot, verifyUrl);
  if (opts.withdrawal) drawWithdrawalStamp(doc, opts.withdrawal);
  doc.end();

  const bytes = await pdf;
  // The layout is meant to make this impossible; refuse to hand out a broken certificate.
  if (pages !== 1) throw new Error(`certificate ${snapshot.shortCode} took ${pages} pages instead of one`);
  return bytes;
}
