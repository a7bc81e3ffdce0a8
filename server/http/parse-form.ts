import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form with zod. On failure it returns the first French message per field and the
 * values as typed (never passwords), so the page is re-rendered without losing what the person wrote.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const input = (body ?? {}) as Record<string, unknown>;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  const values = Object.fromEntries(
    Object.entries(input).flatMap(([k, v]) => (typeof v === 'string' && !/password|_csrf/i.test(k) ? [[k, v]] : [])),
  );
  return { ok: false, errors, values };
}
