// The studio's refusals: each says, in the dictionary's words, what the trainer can do about it. The
// kind it extends gives its status (server/http/error-map.ts); the studio's routes show it on a studio page.
import type { CourseIssue } from '../catalog/course-issue.ts';
import type { StudioMessageKey } from '../i18n/fr/studio.ts';
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  InvalidInputError,
  RejectedContentError,
  TooLargeError,
} from '../shared/errors.ts';

type Params = Record<string, string | number>;

/** The course (an archive's, or the one a module belongs to) does not pass the validator. */
export class CourseInvalidError extends RejectedContentError {
  constructor(
    messageKey: StudioMessageKey,
    readonly issues: readonly CourseIssue[],
    params?: Params,
  ) {
    super(`course invalid (${issues.length} issues)`, { messageKey, params });
  }
}

export class CourseSlugTakenError extends ConflictError {
  constructor(slug: string) {
    super(`course slug taken: ${slug}`, { messageKey: 'studio.refused.courseSlugTaken' });
  }
}

export class ModuleSlugTakenError extends ConflictError {
  constructor(moduleSlug: string) {
    super(`module slug taken: ${moduleSlug}`, {
      messageKey: 'studio.refused.moduleSlugTaken',
      params: { slug: moduleSlug },
    });
  }
}

export class TooManyModulesError extends ConflictError {
  constructor(max: number) {
    super(`more than ${max} modules`, { messageKey: 'studio.refused.tooManyModules', params: { max } });
  }
}

export class LastModuleError extends ConflictError {
  constructor() {
    super('a course keeps at least one module', { messageKey: 'studio.refused.lastModule' });
  }
}

export class NothingToPublishError extends ConflictError {
  constructor() {
    super('no draft to publish', { messageKey: 'studio.refused.nothingToPublish' });
  }
}

/** The course belongs to a structure where the trainer does not hold the trainer role. */
export class PublishOutsideScopeError extends ForbiddenError {
  constructor(structure: string) {
    super(`course of ${structure} outside the trainer's scope`, {
      messageKey: 'studio.refused.outsideScope',
      params: { structure },
    });
  }
}

/** An imported course names a structure where the trainer does not hold the trainer role. */
export class ImportOutsideScopeError extends ForbiddenError {
  constructor(structure: string) {
    super(`imported course of ${structure} outside the trainer's scope`, {
      messageKey: 'studio.refused.importOutsideScope',
      params: { structure },
    });
  }
}

/** A course.md saved with a structure where the trainer does not hold the trainer role. */
export class SaveOutsideScopeError extends ForbiddenError {
  constructor(structure: string) {
    super(`course saved for ${structure}, outside the trainer's scope`, {
      messageKey: 'studio.refused.saveOutsideScope',
      params: { structure },
    });
  }
}

/** The course has no quiz to export to GIFT. */
export class NoQuizError extends ConflictError {
  constructor() {
    super('no quiz to export', { messageKey: 'studio.gift.noQuiz' });
  }
}

/** An import would overwrite a draft the trainer did not agree to replace. */
export class DraftExistsError extends ConflictError {
  constructor(slug: string) {
    super(`draft exists: ${slug}`, { messageKey: 'studio.refused.draftExists', params: { slug } });
  }
}

/** The studio rewrites one front-matter field; it will not guess around a header it cannot read. */
export class FrontMatterUnreadableError extends RejectedContentError {
  constructor() {
    super('front matter unreadable', { messageKey: 'studio.refused.frontMatterUnreadable' });
  }
}

export class TextTooLongError extends TooLargeError {
  constructor(bytes: number, maxBytes: number) {
    super(`text of ${bytes} bytes`, {
      messageKey: 'studio.refused.textTooLong',
      params: { kb: Math.round(bytes / 1024), max: maxBytes / 1024 },
    });
  }
}

/** An uploaded file or its form was refused (wrong type, empty, unreadable). */
export class UploadRefusedError extends InvalidInputError {
  constructor(messageKey: StudioMessageKey, params?: Params) {
    super(`upload refused: ${messageKey}`, { messageKey, params });
  }
}

export class UploadTooLargeError extends TooLargeError {
  constructor(messageKey: StudioMessageKey, params?: Params) {
    super(`upload too large: ${messageKey}`, { messageKey, params });
  }
}

/** A zip archive was refused before anything was installed (an upload refusal, with the archive's reasons). */
export class ZipRefusedError extends UploadRefusedError {}
export class ZipTooLargeError extends UploadTooLargeError {}

const refusals = [
  CourseInvalidError,
  CourseSlugTakenError,
  ModuleSlugTakenError,
  TooManyModulesError,
  LastModuleError,
  NothingToPublishError,
  PublishOutsideScopeError,
  ImportOutsideScopeError,
  SaveOutsideScopeError,
  NoQuizError,
  DraftExistsError,
  FrontMatterUnreadableError,
  TextTooLongError,
  UploadRefusedError,
  UploadTooLargeError,
];

/** A refusal of the studio (not a missing page or a failure): the trainer gets its message on a studio page. */
export function isStudioRefusal(error: unknown): error is DomainError {
  return refusals.some((kind) => error instanceof kind);
}
