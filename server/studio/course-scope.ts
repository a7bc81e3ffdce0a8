// A trainer of part of the network works on the courses of that part only (decision 022): a course belongs
// to the structure its course.md names (the root by default), in the draft and in the published folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { User } from '../accounts/schema.ts';
import { grantsOf } from '../structures/queries.ts';
import { rootCode } from '../structures/schema.ts';
import { inScope, type Scope, scopeOf } from '../structures/scope.ts';
import { courseDirState } from './course-dir-state.ts';
import { SaveOutsideScopeError } from './errors.ts';
import { getFrontMatterField } from './front-matter-field.ts';
import type { StudioContext } from './studio-context.ts';

/** The roles that open the studio; a trainer's scope is where they hold one of them. */
export const studioRoles = ['trainer', 'admin'] as const;

/** Where this person works in the studio. */
export function studioScope(ctx: StudioContext, user: Pick<User, 'id' | 'role'>): Promise<Scope> {
  return scopeOf(ctx.store, user, studioRoles);
}

/** The structure a course.md text names, as the catalog reads it (the root when absent). */
export function structureOfSource(source: string): string {
  const code = getFrontMatterField(source, 'structure');
  return typeof code === 'string' && code.trim() ? code.trim().toLowerCase() : rootCode;
}

async function structureIn(dir: string): Promise<string> {
  return structureOfSource(await readFile(path.join(dir, 'course.md'), 'utf8').catch(() => ''));
}

/** Refuses a course.md that would give the course to a structure outside the trainer's scope. */
export function requireSourceInScope(source: string, scope: Scope): void {
  const structure = structureOfSource(source);
  if (!inScope(scope, structure)) throw new SaveOutsideScopeError(structure);
}

/**
 * Whether the course is one this scope works on: it exists (draft or published) and both its folders
 * belong to structures in the scope. The whole network reaches every slug, existing or not.
 */
export async function courseInScope(ctx: StudioContext, slug: string, scope: Scope): Promise<boolean> {
  if (scope.all) return true;
  const { draftDir, publishedDir } = await courseDirState(ctx, slug);
  const dirs = [draftDir, publishedDir].filter((dir) => dir !== undefined);
  if (dirs.length === 0) return false;
  for (const dir of dirs) if (!inScope(scope, await structureIn(dir))) return false;
  return true;
}

/**
 * The structure a new course of this person belongs to: none to write (the network's) for a trainer of the
 * whole network, else the first structure where they hold a studio role (they may change it within their scope).
 */
export async function newCourseStructure(
  ctx: StudioContext,
  user: Pick<User, 'id' | 'role'>,
  scope: Scope,
): Promise<string | undefined> {
  if (scope.all) return undefined;
  const held = (await grantsOf(ctx.store, user.id)).filter((grant) =>
    (studioRoles as readonly string[]).includes(grant.role),
  );
  return held.map((grant) => grant.structureId).sort()[0];
}
