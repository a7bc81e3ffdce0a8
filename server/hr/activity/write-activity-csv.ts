import { translate } from '../../i18n/translate.ts';
import { type CsvFormat, csvConventions, csvText, writeCsv } from '../../shared/csv/write-csv.ts';
import { parisDay } from '../paris-day.ts';
import type { LearnerActivity } from './learner-activity.ts';

const header = () =>
  (
    [
      'person',
      'structure',
      'course',
      'version',
      'kind',
      'module',
      'start',
      'end',
      'minutes',
      'score',
      'result',
    ] as const
  ).map((key) => translate(`hr.activity.csv.${key}`));

/**
 * The activity record as CSV, one row per course, then one per module and per quiz attempt under it:
 * a funder's spreadsheet can filter by « Activité ».
 */
export function writeActivityCsv(activity: LearnerActivity, out: NodeJS.WritableStream, format: CsvFormat) {
  const convention = csvConventions[format];
  const day = (iso: string | null) => (iso ? convention.day(parisDay(new Date(iso))) : '');
  const minutes = (seconds: number) => String(Math.round(seconds / 60));
  const score = (value: number | null) => (value === null ? '' : String(Math.round(value)));
  const { name, structure } = activity.learner;
  const records: string[][] = [header()];
  for (const course of activity.courses) {
    const start = [csvText(name), csvText(structure), csvText(course.title), String(course.version)];
    records.push([
      ...start,
      translate('hr.activity.kind.course'),
      '',
      day(course.startedAt),
      day(course.completedAt),
      minutes(course.seconds),
      score(course.finalScore),
      translate(course.completedAt ? 'hr.activity.result.completed' : 'hr.activity.result.inProgress'),
    ]);
    for (const m of course.modules) {
      const passed = m.passedAt ? translate('hr.activity.result.passed') : '';
      records.push([
        ...start,
        translate('hr.activity.kind.module'),
        csvText(m.title),
        day(m.firstSeenAt),
        day(m.lastSeenAt),
        minutes(m.seconds),
        score(m.bestScore),
        passed,
      ]);
    }
    for (const a of course.attempts) {
      const result = translate(a.passed ? 'hr.activity.result.passed' : 'hr.activity.result.failed');
      records.push([
        ...start,
        translate('hr.activity.kind.attempt'),
        csvText(a.moduleTitle),
        day(a.at),
        '',
        '',
        score(a.score),
        result,
      ]);
    }
  }
  return writeCsv(records, out, format);
}
