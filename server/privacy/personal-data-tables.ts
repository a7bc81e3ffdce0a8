import type { Catalog, Question } from '../catalog/course.ts';
import type { MessageKey } from '../i18n/fr.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Attempt } from '../learning/schema.ts';
import { auditActionLabel } from './audit-labels.ts';
import type { Cell } from './csv-stream.ts';
import type { PersonalData } from './queries.ts';

/** One CSV file of the download: its name in the zip, its columns (a dictionary entry) and its rows. */
export interface PersonalTable {
  file: string;
  columns: MessageKey;
  rows: Cell[][];
}

const yesNo = (value: boolean, t: Translate) => t(value ? 'privacy.yes' : 'privacy.no');

/** The question as published when the answer was given, when the current catalog still has that version. */
function questionOf(catalog: Catalog, attempt: Readonly<Attempt>, id: string): Question | undefined {
  const course = catalog.bySlug.get(attempt.course);
  if (!course || course.contentHash !== attempt.contentHash) return undefined;
  return course.modules.find((m) => m.slug === attempt.module)?.quiz?.questions.find((q) => q.id === id);
}

/** The answer in words: the text of the chosen choices, or what was typed. */
function answerText(question: Question | undefined, answer: string | readonly string[]): string {
  const ids = typeof answer === 'string' ? [answer] : answer;
  if (!question || question.choices.length === 0) return ids.join(' | ');
  return ids.map((id) => question.choices.find((c) => c.id === id)?.text ?? id).join(' | ');
}

/** Every piece of a person's data as tables, one per CSV file of the download. */
export function personalTables(data: PersonalData, catalog: Catalog, t: Translate): PersonalTable[] {
  const { account } = data;
  return [
    {
      file: 'compte.csv',
      columns: 'privacy.csv.account',
      rows: [
        [
          account.name,
          account.email,
          account.structure,
          account.matricule,
          t(`admin.role.${account.role}`),
          yesNo(account.active, t),
          yesNo(account.passwordHash !== null, t),
          data.secondFactor?.confirmedAt ?? null,
          data.identities.map((i) => i.issuer).join(' | '),
          account.createdAt,
          account.updatedAt,
        ],
      ],
    },
    {
      file: 'formations.csv',
      columns: 'privacy.csv.enrollments',
      rows: data.enrollments.map((e) => [
        e.courseTitle,
        e.course,
        e.courseVersion,
        e.startedAt,
        e.lastSeenAt,
        e.lastModule,
        e.completedAt,
        e.finalScore,
      ]),
    },
    {
      file: 'progression.csv',
      columns: 'privacy.csv.progress',
      rows: data.progress.map((p) => [
        p.course,
        p.module,
        p.courseVersion,
        p.firstSeenAt,
        p.lastSeenAt,
        p.seconds,
        p.readAt,
        p.passedAt,
        p.bestScore,
      ]),
    },
    {
      file: 'reponses-aux-quiz.csv',
      columns: 'privacy.csv.answers',
      rows: data.attempts.flatMap((a) =>
        Object.entries(a.answers).map(([id, answer]) => {
          const question = questionOf(catalog, a, id);
          return [
            a.createdAt,
            a.course,
            a.module,
            a.courseVersion,
            id,
            question?.prompt ?? null,
            answerText(question, answer),
            yesNo(a.correct[id] === true, t),
            a.score,
            yesNo(a.passed, t),
          ];
        }),
      ),
    },
    {
      file: 'attestations.csv',
      columns: 'privacy.csv.certificates',
      rows: data.certificates.map((c) => [
        c.snapshot.shortCode,
        c.snapshot.learnerName,
        c.snapshot.courseTitle,
        c.courseVersion,
        c.snapshot.completedAt,
        c.snapshot.score,
        c.snapshot.measuredMinutes,
        t(`privacy.certificateStatus.${c.status}`),
        c.snapshot.issuedAt,
      ]),
    },
    {
      file: 'e-mails.csv',
      columns: 'privacy.csv.emails',
      rows: data.emails.map((e) => [e.createdAt, e.kind, e.to, e.subject, e.status, e.sentAt, e.text]),
    },
    {
      file: 'journal-audit.csv',
      columns: 'privacy.csv.audit',
      rows: data.audit.map((e) => [
        e.at,
        auditActionLabel(e.action, t),
        e.actorId === account.id ? t('privacy.audit.you') : e.actorId === null ? t('privacy.audit.system') : e.actorId,
        JSON.stringify(e.details),
      ]),
    },
  ];
}

/** The same data as one readable JSON document (no password hash, no second-factor secret, no session key). */
export function personalJson(data: PersonalData, exportedAt: Date): unknown {
  const { passwordHash, ...account } = data.account;
  return {
    exporteLe: exportedAt.toISOString(),
    compte: { ...account, motDePasseDefini: passwordHash !== null },
    doubleAuthentification: data.secondFactor
      ? { activeeLe: data.secondFactor.confirmedAt, codesDeSecoursRestants: data.secondFactor.recoveryCodes.length }
      : null,
    connexionUnique: data.identities.map(({ issuer, createdAt }) => ({ issuer, createdAt })),
    sessions: data.sessions.map(({ createdAt, lastSeenAt, method }) => ({ createdAt, lastSeenAt, method })),
    preferencesEmail: data.mailPreference ?? null,
    formations: data.enrollments,
    progression: data.progress,
    reponsesAuxQuiz: data.attempts,
    attestations: data.certificates.map(({ token, ...certificate }) => certificate),
    emails: data.emails.map(({ leaseOwner, leaseUntil, ...email }) => email),
    rappelsEnvoyes: data.notices,
    engagements: data.commitments,
    // Only which courses' questionnaire was answered: the answers are anonymous, kept without any link.
    questionnairesDeSatisfactionRepondus: data.satisfactionAnswered.map(({ course }) => course),
    journalAudit: data.audit,
  };
}
