import type { Response } from 'express';
import type { DomainError } from '../../shared/errors.ts';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** Runs a use case; the refusals listed come back as values (to re-render the form), any other error is thrown. */
export async function settle<T, E extends Error>(work: Promise<T>, refusals: ErrorClass<E>[]): Promise<T | E> {
  try {
    return await work;
  } catch (error) {
    if (refusals.some((kind) => error instanceof kind)) return error as E;
    throw error;
  }
}

/** The sentence a refusal shows next to its field. */
export function messageOf(res: Response, error: DomainError): string {
  return res.locals.t(error.messageKey ?? 'error.409.body', error.params);
}
