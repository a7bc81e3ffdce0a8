import {
  ACCENT,
  type Doc,
  drawRule,
  FACT_LABEL,
  FACT_VALUE,
  INK,
  LEFT,
  MUTED,
  PAGE,
  type Style,
  WIDTH,
} from '../../certificates/pdf/layout.ts';
import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { formatDateTimeFr } from '../../i18n/format-date-time-fr.ts';
import { formatDurationFr } from '../../i18n/format-duration-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { collectPdf, createPdfDocument } from '../../shared/pdf/pdf-document.ts';
import { fitLine, fitText, writeText } from '../../shared/pdf/text-fitting.ts';
import type { CourseActivity, LearnerActivity } from './learner-activity.ts';

const TOP = 56;
const BOTTOM = PAGE.height - 56;
const ROW = 14;
const CELL = { font: 'regular', size: 8.5, color: INK } satisfies Style;
const HEAD = { font: 'bold', size: 8, color: MUTED } satisfies Style;
const COURSE = { font: 'bold', size: 10, color: ACCENT } satisfies Style;
const minutes = (seconds: number) => formatDurationFr(Math.round(seconds / 60));
const day = (iso: string | null) => (iso ? formatDateFr(iso) : '—');

type Column = { header: string; share: number };

/** Writes rows in a table that continues on new pages, its header repeated; returns the y after it. */
function drawTable(doc: Doc, top: number, columns: Column[], rows: string[][]): number {
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * WIDTH);
  const drawRow = (cells: string[], y: number, style: Style) => {
    let x = LEFT;
    cells.forEach((cell, i) => {
      fitLine(doc, cell, style, { x, y, width: widths[i]! - 6 });
      x += widths[i]!;
    });
  };
  let y = top;
  const header = () => {
    drawRow(
      columns.map((c) => c.header),
      y,
      HEAD,
    );
    y += ROW;
  };
  header();
  for (const row of rows) {
    if (y + ROW > BOTTOM) {
      doc.addPage();
      y = TOP;
      header();
    }
    drawRow(row, y, CELL);
    y += ROW;
  }
  return y;
}

/** Moves to a new page when less than `needed` points are left. */
function room(doc: Doc, y: number, needed: number): number {
  if (y + needed <= BOTTOM) return y;
  doc.addPage();
  return TOP;
}

function drawCourse(doc: Doc, course: CourseActivity, top: number): number {
  let y = room(doc, top, 120);
  // A course title can be long: up to two lines, then the rule (a certificate's section heading takes one).
  const heading = translate('hr.activity.courseHeading', { title: course.title, version: course.version });
  y += fitText(doc, heading, COURSE, { x: LEFT, y, width: WIDTH }, { maxLines: 2 }) + 3;
  drawRule(doc, y, 0.5);
  y += 8;
  const facts = [
    [translate('hr.activity.startedAt'), day(course.startedAt)],
    [translate('hr.activity.lastSeenAt'), day(course.lastSeenAt)],
    [
      translate('hr.activity.completedAt'),
      course.completedAt ? day(course.completedAt) : translate('hr.activity.notCompleted'),
    ],
    [translate('hr.activity.measured'), minutes(course.seconds)],
    [translate('hr.activity.finalScore'), course.finalScore === null ? '—' : `${Math.round(course.finalScore)} %`],
  ];
  for (const [label, value] of facts) {
    writeText(doc, `${label} : `, FACT_LABEL, { x: LEFT, y, width: 150 });
    fitLine(doc, value!, FACT_VALUE, { x: LEFT + 150, y, width: WIDTH - 150 });
    y += ROW;
  }
  y += 6;
  y = drawTable(
    doc,
    y,
    [
      { header: translate('hr.activity.module'), share: 3.4 },
      { header: translate('hr.activity.firstSeen'), share: 2.4 },
      { header: translate('hr.activity.lastSeen'), share: 2.4 },
      { header: translate('hr.activity.time'), share: 1.1 },
      { header: translate('hr.activity.passedAt'), share: 2.4 },
      { header: translate('hr.activity.bestScore'), share: 1.8 },
    ],
    course.modules.map((m) => [
      m.title,
      day(m.firstSeenAt),
      day(m.lastSeenAt),
      minutes(m.seconds),
      day(m.passedAt),
      m.bestScore === null ? '—' : `${Math.round(m.bestScore)} %`,
    ]),
  );
  if (course.attempts.length === 0) return y + 10;
  y = room(doc, y + 6, 3 * ROW);
  return (
    drawTable(
      doc,
      y,
      [
        { header: translate('hr.activity.attemptAt'), share: 3.2 },
        { header: translate('hr.activity.module'), share: 5 },
        { header: translate('hr.activity.score'), share: 1.3 },
        { header: translate('hr.activity.result'), share: 2 },
      ],
      course.attempts.map((a) => [
        formatDateTimeFr(a.at),
        a.moduleTitle,
        `${Math.round(a.score)} %`,
        translate(a.passed ? 'hr.activity.passed' : 'hr.activity.failed'),
      ]),
    ) + 10
  );
}

/** The activity record as an A4 PDF, on as many pages as it needs, from the same machinery as certificates. */
export async function renderActivityPdf(
  activity: LearnerActivity,
  context: { organisation: string; now: Date },
): Promise<Buffer> {
  const { learner } = activity;
  const doc = createPdfDocument({
    title: translate('hr.activity.documentTitle', { name: learner.name }),
    author: context.organisation,
    subject: translate('hr.activity.title'),
    date: context.now,
  });
  const pdf = collectPdf(doc);
  let y = TOP;
  y +=
    writeText(
      doc,
      translate('hr.activity.title'),
      { font: 'bold', size: 16, color: INK },
      { x: LEFT, y, width: WIDTH },
    ) + 6;
  const who = [
    learner.name,
    learner.structure,
    learner.matricule ? translate('hr.activity.matricule', { matricule: learner.matricule }) : '',
  ]
    .filter(Boolean)
    .join(' — ');
  y += writeText(doc, who, FACT_VALUE, { x: LEFT, y, width: WIDTH }) + 2;
  y += writeText(
    doc,
    translate('hr.activity.issued', {
      organisation: context.organisation,
      date: formatDateFr(context.now.toISOString()),
    }),
    FACT_LABEL,
    { x: LEFT, y, width: WIDTH },
  );
  y +=
    fitText(
      doc,
      translate('hr.activity.timeNote'),
      { ...FACT_LABEL, size: 8.5 },
      { x: LEFT, y: y + 4, width: WIDTH },
      { maxLines: 3 },
    ) + 16;
  if (activity.courses.length === 0)
    writeText(doc, translate('hr.activity.none'), FACT_LABEL, { x: LEFT, y, width: WIDTH });
  for (const course of activity.courses) y = drawCourse(doc, course, y);
  doc.end();
  return pdf;
}
