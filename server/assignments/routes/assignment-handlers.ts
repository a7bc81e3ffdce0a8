import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../../http/parse-form.ts';
import { paginate } from '../../shared/paginate.ts';
import { inScope, viewOf } from '../../structures/scope.ts';
import { structureOptions } from '../../structures/structure-options.ts';
import { AssignmentForm } from '../assignment-form.ts';
import { assignmentInScope, targetBeyondScope } from '../assignment-scope.ts';
import { parisDate } from '../assignment-status.ts';
import { AssignmentNotFoundError, AssignmentRejectedError } from '../errors.ts';
import { activeAssignments, assignmentProgress, findAssignment } from '../queries.ts';
import { assignmentTargets } from '../schema.ts';
import { assignCourse } from '../use-cases/assign-course.ts';
import { exportAssignment } from '../use-cases/export-assignment.ts';
import { withdrawAssignment } from '../use-cases/withdraw-assignment.ts';
import type { AssignmentDeps } from './assignment-routes.ts';

const pageSize = 100;
const notices = ['created', 'withdrawn'] as const;
const DetailQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  late: z.literal('1').optional().catch(undefined),
});

function noticeOf(res: Response): string | undefined {
  const done = String(res.req.query.done ?? '');
  return (notices as readonly string[]).includes(done)
    ? res.locals.t(`assignments.done.${done as (typeof notices)[number]}`)
    : undefined;
}

const hrView = (store: AssignmentDeps['store'], res: Response) => viewOf(store, res.locals.user!, ['hr', 'admin']);

/** The assignment of the URL if active and within the person's scope; else it does not exist for them. */
async function requireAssignment({ store }: AssignmentDeps, req: Request) {
  const assignment = await findAssignment(store, String(req.params.id));
  const { scope } = await hrView(store, req.res!);
  if (assignment?.status !== 'active' || !(await assignmentInScope(store, assignment, scope)))
    throw new AssignmentNotFoundError(String(req.params.id));
  return assignment;
}

export function showAssignments(deps: AssignmentDeps): RequestHandler {
  return async (_req, res) => {
    const today = parisDate(deps.clock());
    const { tree, scope } = await hrView(deps.store, res);
    const assignments: Awaited<ReturnType<typeof activeAssignments>> = [];
    for (const assignment of await activeAssignments(deps.store))
      if (await assignmentInScope(deps.store, assignment, scope)) assignments.push(assignment);
    const rows = await Promise.all(
      assignments.map(async (assignment) => {
        const people = await assignmentProgress(deps.store, assignment, today, tree);
        const count = (states: string[]) => people.filter((p) => states.includes(p.state)).length;
        return { assignment, total: people.length, done: count(['done', 'doneLate']), late: count(['late']) };
      }),
    );
    res.render('hr/assignments', { title: res.locals.t('assignments.title'), rows, notice: noticeOf(res) });
  };
}

async function renderForm(res: Response, deps: AssignmentDeps, errors: FieldErrors, values: Record<string, string>) {
  const { tree, scope } = await hrView(deps.store, res);
  res.render('hr/assignment-new', {
    title: res.locals.t('assignments.new.title'),
    courses: deps.getCatalog().courses.map((c) => ({ value: c.slug, label: c.title })),
    structures: structureOptions(tree).filter((option) => inScope(scope, option.code)),
    targets: assignmentTargets,
    errors,
    values,
  });
}

/** What was typed, to show the form again with it. */
const typedValues = (body: unknown) =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(([k, v]) => k !== '_csrf' && typeof v === 'string'),
  ) as Record<string, string>;

export function showNewAssignment(deps: AssignmentDeps): RequestHandler {
  return async (_req, res) => renderForm(res, deps, {}, { target: 'everyone' });
}

export function submitAssignment(deps: AssignmentDeps): RequestHandler {
  return async (req, res) => {
    const form = parseForm(AssignmentForm, req.body);
    if (!form.ok) return renderForm(res.status(400), deps, form.errors, form.values);
    const beyond = await targetBeyondScope(deps.store, form.data, (await hrView(deps.store, res)).scope);
    if (Object.keys(beyond).length > 0) return renderForm(res.status(400), deps, beyond, typedValues(req.body));
    try {
      const input = { ...form.data, actorId: res.locals.user!.id };
      const assignment = await assignCourse(input, { ...deps, catalog: deps.getCatalog() });
      res.redirect(303, `/hr/assignments/${assignment.id}?done=created`);
    } catch (error) {
      if (!(error instanceof AssignmentRejectedError)) throw error;
      await renderForm(res.status(400), deps, error.errors, typedValues(req.body));
    }
  };
}

export function showAssignment(deps: AssignmentDeps): RequestHandler {
  return async (req, res) => {
    const assignment = await requireAssignment(deps, req);
    const query = DetailQuery.parse(req.query);
    const people = await assignmentProgress(deps.store, assignment, parisDate(deps.clock()));
    const late = people.filter((p) => p.state === 'late');
    const page = paginate(query.late ? late : people, query.page, pageSize);
    res.render('hr/assignment', {
      title: res.locals.t('assignments.detail.title', { course: assignment.courseTitle }),
      assignment,
      people: page.items,
      total: people.length,
      lateCount: late.length,
      doneCount: people.filter((p) => p.state === 'done' || p.state === 'doneLate').length,
      onlyLate: Boolean(query.late),
      page: page.page,
      pages: page.pageCount,
      pageHref: (n: number) => `/hr/assignments/${assignment.id}?${query.late ? 'late=1&' : ''}page=${n}`,
      notice: noticeOf(res),
    });
  };
}

export function confirmWithdrawal(deps: AssignmentDeps): RequestHandler {
  return async (req, res) => {
    const assignment = await requireAssignment(deps, req);
    res.render('hr/assignment-withdraw', { title: res.locals.t('assignments.withdraw.title'), assignment });
  };
}

export function submitWithdrawal(deps: AssignmentDeps): RequestHandler {
  return async (req, res) => {
    await requireAssignment(deps, req);
    await withdrawAssignment({ actorId: res.locals.user!.id, assignmentId: String(req.params.id) }, deps);
    res.redirect(303, '/hr/assignments?done=withdrawn');
  };
}

export function downloadAssignment(deps: AssignmentDeps): RequestHandler {
  return async (req, res) => {
    await requireAssignment(deps, req);
    const file = await exportAssignment({ actorId: res.locals.user!.id, assignmentId: String(req.params.id) }, deps);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    });
    res.send(file.csv);
  };
}
