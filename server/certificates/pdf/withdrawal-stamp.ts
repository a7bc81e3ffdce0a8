import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { applyStyle, fitText } from '../../shared/pdf/text-fitting.ts';
import { column, type Doc, PAGE, type Style } from './layout.ts';

/** A certificate taken back: revoked, or replaced by a corrected one, on that day (ISO) when known. */
export interface Withdrawal {
  status: 'revoked' | 'replaced';
  at: string | null;
}

const ALERT = '#b42318';

/**
 * Marks a withdrawn certificate so that a printout cannot pass for a valid one: a sentence with the date
 * across the top of the frame, and a large diagonal word over the page.
 */
export function drawWithdrawalStamp(doc: Doc, withdrawal: Withdrawal): void {
  const notice = withdrawal.at
    ? translate(`certificates.pdf.notice.${withdrawal.status}`, { date: formatDateFr(withdrawal.at) })
    : translate(`certificates.pdf.notice.${withdrawal.status}Undated`);
  const style = { font: 'bold', size: 9.5, color: ALERT } satisfies Style;
  fitText(doc, notice, style, column(40), { minSize: 7, maxLines: 1, align: 'center' });

  const centre = { x: PAGE.width / 2, y: PAGE.height / 2 };
  doc.save();
  doc.rotate(-35, { origin: [centre.x, centre.y] });
  doc.fillOpacity(0.16);
  applyStyle(doc, { font: 'bold', size: 84, color: ALERT });
  const word = translate(`certificates.pdf.stamp.${withdrawal.status}`);
  doc.text(word, 0, centre.y - 42, { width: PAGE.width, align: 'center', lineBreak: false });
  doc.restore();
}
