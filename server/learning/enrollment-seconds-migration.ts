// Store migration 2 → 3, on the rows as plain data (both stores run it at start-up).

type Row = Record<string, unknown>;

/** Gives each enrollment `seconds`: the sum of its learner's progress rows in that course. */
export function enrollmentSecondsFromProgress(data: Record<string, Row[] | undefined>): Record<string, unknown> {
  const spent = new Map<string, number>();
  for (const progress of data.progress ?? []) {
    const key = `${progress.userId}|${progress.course}`;
    spent.set(key, (spent.get(key) ?? 0) + Number(progress.seconds ?? 0));
  }
  const enrollments = (data.enrollments ?? []).map((enrollment) => ({
    ...enrollment,
    seconds: spent.get(`${enrollment.userId}|${enrollment.course}`) ?? 0,
  }));
  return { ...data, enrollments };
}
