import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { formatDurationFr } from '../../i18n/format-duration-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { applyStyle, fitText, oneLine } from '../../shared/pdf/text-fitting.ts';
import type { CertificateSnapshot } from '../certificate-snapshot.ts';
import {
  type Doc,
  FACT_COLUMN_GAP,
  FACT_LABEL,
  FACT_LINE_HEIGHT,
  FACT_VALUE,
  LEFT,
  SECTION_HEADING_HEIGHT,
  WIDTH,
} from './layout.ts';
import { drawSectionHeading } from './section-heading.ts';

export type Fact = { label: string; value: string };

const percent = (value: number) => translate('certificates.pdf.percent', { value });

/** Two columns: what the course is, then when and how it ended. */
export function factColumns(snapshot: CertificateSnapshot): [Fact[], Fact[]] {
  const passed = snapshot.score >= snapshot.passMark;
  const started = snapshot.startedAt
    ? [{ label: translate('certificates.pdf.startedAt'), value: formatDateFr(snapshot.startedAt) }]
    : [];
  // The course's own wording of its modalities can be long: it gets a full-width row (modalitiesRow).
  const mode = snapshot.modalities
    ? []
    : [{ label: translate('certificates.pdf.mode'), value: translate('certificates.pdf.modeValue') }];
  const updated = snapshot.contentUpdatedOn
    ? [{ label: translate('certificates.pdf.updatedOn'), value: formatDateFr(snapshot.contentUpdatedOn) }]
    : [];
  return [
    [
      ...mode,
      { label: translate('certificates.pdf.declared'), value: formatDurationFr(snapshot.declaredMinutes) },
      { label: translate('certificates.pdf.measured'), value: formatDurationFr(snapshot.measuredMinutes) },
      ...updated,
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

/** The course's modalities, written across both columns in at most two lines. */
export function modalitiesRow(snapshot: CertificateSnapshot): Fact | undefined {
  return snapshot.modalities
    ? { label: translate('certificates.pdf.modalities'), value: oneLine(snapshot.modalities) }
    : undefined;
}

/** Height of the facts section: its heading, the longer column and the modalities' two lines. */
export function factsHeight(columns: Fact[][], modalities: Fact | undefined): number {
  const rows = Math.max(...columns.map((column) => column.length)) + (modalities ? 2 : 0);
  return SECTION_HEADING_HEIGHT + rows * FACT_LINE_HEIGHT;
}

export function drawFacts(doc: Doc, columns: Fact[][], top: number, modalities?: Fact): void {
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
  if (!modalities) return;
  const rows = Math.max(...columns.map((column) => column.length));
  const text = `${translate('certificates.pdf.fact', { label: modalities.label })}${modalities.value}`;
  fitText(
    doc,
    text,
    FACT_VALUE,
    { x: LEFT, y: y + rows * FACT_LINE_HEIGHT, width: WIDTH },
    { minSize: 8.5, maxLines: 2 },
  );
}
