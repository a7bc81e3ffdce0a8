import type { CourseIssue } from '../catalog/course-issue.ts';

/** A refusal the trainer can act on: a French message, its HTTP status and, when relevant, the course issues. */
export class StudioError extends Error {
  override readonly name: string = 'StudioError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly CourseIssue[] = [],
  ) {
    super(message);
  }
}

/** The course (or the archive being imported) does not pass the validator. */
export class CourseInvalidError extends StudioError {
  override readonly name = 'CourseInvalidError';
  constructor(message: string, issues: readonly CourseIssue[]) {
    super(422, message, issues);
  }
}

/** An uploaded image was refused: 413 when too large, 400 otherwise. */
export class UploadRefusedError extends StudioError {
  override readonly name = 'UploadRefusedError';
}

/** A zip archive was refused before anything was installed. */
export class ZipRefusedError extends StudioError {
  override readonly name = 'ZipRefusedError';
}
