import type { User } from '../../accounts/schema.ts';
import type { Catalog } from '../../catalog/course.ts';
import type { Attempt, Enrollment, ModuleProgress } from '../../learning/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { findAccount } from '../queries.ts';

export interface ModuleActivity {
  title: string;
  firstSeenAt: string;
  lastSeenAt: string;
  seconds: number;
  passedAt: string | null;
  bestScore: number | null;
}

export interface AttemptActivity {
  at: string;
  moduleTitle: string;
  score: number;
  passed: boolean;
}

export interface CourseActivity {
  title: string;
  version: number;
  startedAt: string;
  lastSeenAt: string;
  completedAt: string | null;
  finalScore: number | null;
  seconds: number;
  /** In the course's order; modules no longer published last, by first visit. */
  modules: ModuleActivity[];
  /** Oldest first. */
  attempts: AttemptActivity[];
}

/** What a funder asks of e-learning: for one person, each course's dates, time per module and quiz results. */
export interface LearnerActivity {
  learner: Pick<User, 'id' | 'name' | 'structure' | 'matricule'>;
  courses: CourseActivity[];
}

/** One learner's activity, from their own rows only (read by their id); 404 for an unknown account. */
export async function learnerActivity(
  store: Pick<AppStore, 'get' | 'findBy' | 'all'>,
  catalog: Catalog,
  userId: string,
): Promise<LearnerActivity> {
  const learner = await findAccount(store, userId);
  if (!learner) throw new NotFoundError(`no account ${userId}`);
  const [enrollments, progress, attempts] = await Promise.all([
    store.findBy('enrollments', 'userId', userId),
    store.findBy('progress', 'userId', userId),
    store.findBy('attempts', 'userId', userId),
  ]);
  const courses = enrollments
    .map((enrollment) => courseActivity(enrollment, progress, attempts, catalog))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.title.localeCompare(b.title, 'fr'));
  const { id, name, structure, matricule } = learner;
  return { learner: { id, name, structure, matricule }, courses };
}

function courseActivity(
  enrollment: Readonly<Enrollment>,
  allProgress: readonly Readonly<ModuleProgress>[],
  allAttempts: readonly Readonly<Attempt>[],
  catalog: Catalog,
): CourseActivity {
  const course = catalog.bySlug.get(enrollment.course);
  const order = course?.modules.map((m) => m.slug) ?? [];
  const titleOf = (slug: string) => course?.modules.find((m) => m.slug === slug)?.title ?? slug;
  const rank = (slug: string) => (order.includes(slug) ? order.indexOf(slug) : order.length);
  const progress = allProgress
    .filter((p) => p.course === enrollment.course)
    .sort((a, b) => rank(a.module) - rank(b.module) || a.firstSeenAt.localeCompare(b.firstSeenAt));
  return {
    title: course?.title ?? enrollment.courseTitle,
    version: enrollment.courseVersion,
    startedAt: enrollment.startedAt,
    lastSeenAt: enrollment.lastSeenAt,
    completedAt: enrollment.completedAt,
    finalScore: enrollment.finalScore,
    seconds: progress.reduce((sum, p) => sum + p.seconds, 0),
    modules: progress.map((p) => ({
      title: titleOf(p.module),
      firstSeenAt: p.firstSeenAt,
      lastSeenAt: p.lastSeenAt,
      seconds: p.seconds,
      passedAt: p.passedAt,
      bestScore: p.bestScore,
    })),
    attempts: allAttempts
      .filter((a) => a.course === enrollment.course)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((a) => ({ at: a.createdAt, moduleTitle: titleOf(a.module), score: a.score, passed: a.passed })),
  };
}
