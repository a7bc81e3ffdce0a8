import type { Request, Response } from 'express';
import { courseSlugPattern } from '../../catalog/course-slug-pattern.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { isCourseFileName, isModuleFileName } from '../course-file-name.ts';
import type { Actor } from '../studio-context.ts';

// What the studio's URLs carry, checked once: anything outside these shapes is a page that does not exist.

/** `:course`, a course slug. */
export function slugOf(req: Request): string {
  const slug = req.params.course;
  if (typeof slug !== 'string' || !courseSlugPattern.test(slug) || slug.length > 80) throw new NotFoundError();
  return slug;
}

/** `:file`, course.md or a module file. */
export function fileOf(req: Request): string {
  if (!isCourseFileName(req.params.file)) throw new NotFoundError();
  return req.params.file;
}

/** `:file`, a module file. */
export function moduleFileOf(req: Request): string {
  if (!isModuleFileName(req.params.file)) throw new NotFoundError();
  return req.params.file;
}

/** `:module`, a module slug (its file is looked up by the use case). */
export function moduleSlugOf(req: Request): string {
  return String(req.params.module);
}

/** A version number, from the path or the query. */
export function versionOf(value: unknown): number {
  const version = Number(value);
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value) || !Number.isSafeInteger(version)) {
    throw new NotFoundError();
  }
  return version;
}

/** `*splat`, the path of a course asset, in segments. */
export function splatOf(req: Request): string[] {
  return (req.params as unknown as { splat: string[] }).splat;
}

export function actorOf(res: Response): Actor {
  return { id: res.locals.user!.id, name: res.locals.user!.name };
}
