import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { formatDurationFr } from '../../i18n/format-duration-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { applyStyle } from '../../shared/pdf/text-fitting.ts';
import type { CertificateSnapshot } from '../certificate-snapshot.ts';
import { type Doc, FACT_COLUMN_GAP, FACT_LABEL, FACT_LINE_HEIGHT, FACT_VALUE, LEFT, WIDTH } from './layout.ts';
import { drawSectionHeading } from './section-heading.ts';

export type Fact = { label: string; value: string };

const percent = (value: number) => translate('certificates.pdf.percent', { value });

/** Two columns: what the course is, then when and how it ended. */
export function factColumns(snapshot: CertificateSnapshot): [Fact[], Fact[]] {
  const passed = snapshot.score >= snapshot.passMark;
  const started = snapshot.startedAt
    ? [{ label: translate('certificates.pdf.startedAt'), value: formatDateFr(snapshot.startedAt) }]
    : [];
  return [
    [
      { label: translate('certificates.pdf.mode'), value: translate('certificates.pdf.modeValue') },
      { label: translate('certificates.pdf.declared'), value: formatDurationFr(snapshot.declaredMinutes) },
      { label: translate('certificates.pdf.measured'), value: formatDurationFr(snapshot.measuredMinutes) },
    ],
    [
      ...started,
      { label: translate('certificates.pdf.completedAt'), value: formatDateFr(snapshot.completedAt) },
      {
        label: translate(passed ? 'certificates.pdf.passed' : 'certificates.pdf.score'),
        value: percent(snapshot.score),
      },
      { label: translate('certificates.pdf.passMark'), value: percent(snapshot.passMark) },
    ],
  ];
}

export function drawFacts(doc: Doc, columns: Fact[][], top: number): void {
  const y = top + drawSectionHeading(doc, translate('certificates.pdf.facts'), top);
  const width = (WIDTH - FACT_COLUMN_GAP) / 2;
  columns.forEach((facts, index) => {
    const x = LEFT + index * (width + FACT_COLUMN_GAP);
    facts.forEach(({ label, value }, row) => {
      // One run of text, so that copying or extracting it reads "Durée déclarée : 1 h 15".
      applyStyle(doc, FACT_LABEL);
      const labelText = translate('certificates.pdf.fact', { label });
      doc.text(labelText, x, y + row * FACT_LINE_HEIGHT, { width, continued: true, lineBreak: false });
      applyStyle(doc, FACT_VALUE);
      doc.text(value, { lineBreak: false });
    });
  });
}
