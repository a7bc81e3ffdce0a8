import type { CompletionQuery } from './completions-source.ts';

/** Not-started pairs would be every learner × every course: only listed when a course or that status is asked for. */
export function wantsNotStarted(query: CompletionQuery): boolean {
  if (query.userId || query.from || query.to) return false;
  if (query.status && query.status !== 'not_started') return false;
  return Boolean(query.course) || query.status === 'not_started';
}
