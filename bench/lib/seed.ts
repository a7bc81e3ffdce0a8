// Fills a data directory the way months of use would: learners (one argon2 hash, computed once and
// shared), their progress, enrollments and a few quiz attempts, written straight into the store in
// transactions of ~1,000 rows, then folded into a snapshot so the server starts as it would on a Monday.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/accounts/password.ts';
import type { User } from '../../server/accounts/schema.ts';
import type { Catalog, Course } from '../../server/catalog/course.ts';
import { enrollmentId, moduleProgressId } from '../../server/learning/progress-ids.ts';
import type { Attempt, Enrollment, ModuleProgress } from '../../server/learning/schema.ts';
import { openAppJournalStore } from '../../server/open-app-store.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { benchCertificate } from './certificate-row.ts';

export const benchPassword = 'une phrase de passe pour le banc d’essai';

export interface SeededLearner {
  id: string;
  email: string;
}

export interface SeedResult {
  learners: SeededLearner[];
  counts: Record<string, number>;
  seconds: number;
}

const firstNames = ['Zoé', 'Mathéo', 'Anaïs', 'Noël', 'Léa', 'François', 'Chloé', 'Jérôme', 'Inès', 'Aurélien'];
const lastNames = ['Lefèvre', 'Dubois', 'Ngô', 'Östergård', "O'Neil", 'Martin-Péré', 'Bernard', 'Roux'];
const structures = Array.from({ length: 20 }, (_, i) => `Structure ${i + 1} — Élan solidaire`);
const day = 86_400_000;
const origin = Date.UTC(2026, 8, 1, 8);
const iso = (time: number) => new Date(time).toISOString();

/**
 * `learners` accounts and `progressRows` module-progress rows spread over them (one per module, course
 * after course). In the first course (the mandatory one of the benchmarks) every module but the final
 * assessment is passed, so a learner who passes the final completes the course and gets a certificate;
 * elsewhere the first two modules are passed, with one attempt each.
 */
export async function seedStore(
  dir: string,
  options: { catalog: Catalog; learners: number; progressRows: number },
): Promise<SeedResult> {
  const store = await openAppJournalStore(dir);
  try {
    const result = await seedInto(store, options);
    await store.compact();
    return result;
  } finally {
    await store.close();
  }
}

export interface SeedOptions {
  catalog: Catalog;
  learners: number;
  progressRows: number;
  onProgress?: (rows: number) => void;
  /** The structure code of learner `i` (default: twenty structures in turn). */
  structureOf?: (i: number) => string;
  /** Learner `i` with `i % completeEvery === 0` completes the mandatory course and gets its certificate. */
  completeEvery?: number;
}

/** The same rows written into any store (the PostgreSQL benchmark seeds its database with it). */
export async function seedInto(store: AppStore, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const passwordHash = await hashPassword(benchPassword);
  const counts: Record<string, number> = {};
  const batch = new Batcher(store, counts);
  try {
    const now = iso(origin);
    await batch.put('users', {
      id: randomUUID(),
      email: 'admin@exemple.org',
      name: 'Administratrice du banc',
      role: 'admin',
      structure: structures[0]!,
      matricule: null,
      passwordHash,
      active: true,
      createdAt: now,
      updatedAt: now,
    } satisfies User);
    const learners: SeededLearner[] = [];
    for (let i = 0; i < options.learners; i++) {
      const learner = { id: randomUUID(), email: `apprenant.${i}@exemple.org` };
      learners.push(learner);
      await batch.put('users', {
        ...learner,
        name: `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]} ${i}`,
        role: 'learner',
        structure: options.structureOf?.(i) ?? structures[i % structures.length]!,
        matricule: `M-${String(i).padStart(6, '0')}`,
        passwordHash,
        active: true,
        createdAt: now,
        updatedAt: now,
      } satisfies User);
    }

    const courses = options.catalog.courses;
    const perLearner = Math.ceil(options.progressRows / options.learners);
    let rows = 0;
    for (const [i, learner] of learners.entries()) {
      let left = Math.min(perLearner, options.progressRows - rows);
      for (const [c, course] of courses.entries()) {
        if (left <= 0) break;
        const modules = course.modules.slice(0, left);
        left -= modules.length;
        rows += modules.length;
        const completes = c === 0 && options.completeEvery !== undefined && i % options.completeEvery === 0;
        const start = origin + (i % 30) * day;
        await seedCourse(batch, learner.id, course, modules.length, c === 0, start, completes ? i : false);
      }
      if (i % 1000 === 999) options.onProgress?.(rows);
    }
    await batch.flush();
    return { learners, counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await batch.flush();
  }
}

async function seedCourse(
  batch: Batcher,
  userId: string,
  course: Course,
  moduleCount: number,
  mandatory: boolean,
  start: number,
  /** The learner's number when they complete the course (every module passed, a certificate), else false. */
  completion: number | false = false,
): Promise<void> {
  const modules = course.modules.slice(0, moduleCount);
  const moduleSeconds = (m: number) => 300 + ((m * 97) % 600);
  const completes = completion !== false && moduleCount === course.modules.length;
  const passedCount = completes
    ? modules.length
    : mandatory
      ? modules.filter((m) => !m.isFinal).length
      : Math.min(2, modules.length);
  for (const [m, module] of modules.entries()) {
    const seen = start + m * 3_600_000;
    const passed = m < passedCount;
    await batch.put('progress', {
      id: moduleProgressId(userId, course.slug, module.slug),
      userId,
      course: course.slug,
      module: module.slug,
      courseVersion: course.version,
      contentHash: course.contentHash,
      firstSeenAt: iso(seen),
      lastSeenAt: iso(seen + 600_000),
      seconds: moduleSeconds(m),
      readAt: iso(seen),
      passedAt: passed ? iso(seen + 600_000) : null,
      bestScore: passed ? 80 + ((m * 7) % 21) : null,
    } satisfies ModuleProgress);
    if (passed && !mandatory && module.quiz) {
      const questions = module.quiz.questions;
      await batch.put('attempts', {
        id: randomUUID(),
        userId,
        course: course.slug,
        module: module.slug,
        courseVersion: course.version,
        contentHash: course.contentHash,
        createdAt: iso(seen + 600_000),
        answers: Object.fromEntries(questions.map((q) => [q.id, q.type === 'short' ? q.answerText : q.choices[0]!.id])),
        correct: Object.fromEntries(questions.map((q) => [q.id, true])),
        score: 100,
        passMark: module.quiz.passMark,
        passed: true,
      } satisfies Attempt);
    }
  }
  const last = modules.at(-1)!;
  const completedAt = completes ? iso(start + moduleCount * 3_600_000) : null;
  const finalScore = completes ? 70 + (completion % 31) : null;
  if (completes) {
    await batch.put(
      'certificates',
      benchCertificate({ index: completion, userId, course, completedAt: completedAt!, score: finalScore! }),
    );
  }
  await batch.put('enrollments', {
    id: enrollmentId(userId, course.slug),
    userId,
    course: course.slug,
    courseTitle: course.title,
    courseVersion: course.version,
    contentHash: course.contentHash,
    startedAt: iso(start),
    lastSeenAt: iso(start + moduleCount * 3_600_000),
    lastModule: last.slug,
    completedAt,
    finalScore,
    seconds: modules.reduce((sum, _, m) => sum + moduleSeconds(m), 0),
  } satisfies Enrollment);
}

type SeedCollection = 'users' | 'progress' | 'enrollments' | 'attempts' | 'certificates';

/** Buffers rows and writes them in transactions of 1,000. */
class Batcher {
  #rows: { coll: SeedCollection; row: unknown }[] = [];
  constructor(
    private readonly store: AppStore,
    private readonly counts: Record<string, number>,
  ) {}

  async put(coll: SeedCollection, row: unknown): Promise<void> {
    this.#rows.push({ coll, row });
    this.counts[coll] = (this.counts[coll] ?? 0) + 1;
    if (this.#rows.length >= 1000) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.#rows;
    this.#rows = [];
    if (rows.length === 0) return;
    await this.store.transact((tx) => {
      for (const { coll, row } of rows) tx.put(coll, row as never);
    });
  }
}
