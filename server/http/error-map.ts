// The one place where errors become HTTP: each domain error kind (server/shared/errors.ts) and each
// library error the app meets gets its status and French page. Matching is by class, first match wins.
import type { MessageKey } from '../i18n/fr.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RejectedContentError,
  TooLargeError,
  UnavailableError,
} from '../shared/errors.ts';
import { CsrfError, HttpError } from './http-error.ts';

export interface HttpFailure {
  status: number;
  titleKey: MessageKey;
  bodyKey: MessageKey;
  params?: Record<string, string | number>;
}

type ErrorClass = abstract new (...args: never[]) => Error;

const byClass: ReadonlyArray<readonly [ErrorClass, number, MessageKey, MessageKey]> = [
  [NotFoundError, 404, 'error.404.title', 'error.404.body'],
  [ForbiddenError, 403, 'error.403.title', 'error.403.body'],
  [CsrfError, 403, 'error.403.title', 'error.csrf.body'],
  [ConflictError, 409, 'error.409.title', 'error.409.body'],
  [InvalidInputError, 400, 'error.400.title', 'error.400.body'],
  [RejectedContentError, 422, 'error.422.title', 'error.422.body'],
  [TooLargeError, 413, 'error.413.title', 'error.413.body'],
  [UnavailableError, 503, 'error.503.title', 'error.503.body'],
];

/** Errors from Express and its body parsers carry a 4xx `status` (bad `%` escape, too large, bad charset). */
const badRequest = ['error.400.title', 'error.400.body'] as const;
const clientStatuses: Record<number, readonly [MessageKey, MessageKey] | undefined> = {
  400: badRequest,
  413: ['error.413.title', 'error.413.body'],
  415: ['error.415.title', 'error.415.body'],
};

export function toHttpFailure(error: unknown): HttpFailure {
  if (error instanceof HttpError) return { status: error.status, titleKey: error.titleKey, bodyKey: error.bodyKey };
  for (const [type, status, titleKey, bodyKey] of byClass) {
    if (error instanceof type) {
      const domain = error instanceof DomainError ? error : undefined;
      return { status, titleKey, bodyKey: domain?.messageKey ?? bodyKey, params: domain?.params };
    }
  }
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (type === 'parameters.too.many') return { status: 400, titleKey: 'error.400.title', bodyKey: 'error.fields.body' };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = clientStatuses[status];
    const [titleKey, bodyKey] = known ?? badRequest;
    return { status: known ? status : 400, titleKey, bodyKey };
  }
  return { status: 500, titleKey: 'error.500.title', bodyKey: 'error.500.body' };
}
