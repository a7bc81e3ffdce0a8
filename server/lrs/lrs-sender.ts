import type { LrsConfig } from '../config.ts';

/**
 * How the LRS answered one POST of statements:
 * - `stored`: 200 or 204, every statement of the batch is there;
 * - `conflict`: 409, it already has a statement with one of these ids (xAPI 1.0.3: it then changes
 *   nothing, and it rejects the whole batch);
 * - `retry`: no answer, a time-out, 429 or 5xx: try again later;
 * - `refused`: any other 4xx (bad credentials, a statement it will not take): retrying gets the same.
 */
export type LrsAnswer =
  | { kind: 'stored' }
  | { kind: 'conflict'; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'refused'; error: string };

export type SendStatements = (statements: readonly object[]) => Promise<LrsAnswer>;

/** The start of the LRS's explanation, on one line, for the admin page. */
async function reasonOf(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  const reason = body.replace(/\s+/g, ' ').trim().slice(0, 300);
  return `HTTP ${res.status}${reason ? ` : ${reason}` : ''}`;
}

/**
 * POSTs a JSON array of statements to `<LRS_ENDPOINT>/statements` with the xAPI version header and Basic
 * authentication. The time limit is a third of the lease (at most 30 s), so a live worker has its answer,
 * or gives up, before anyone may take its statements over (decision 010).
 */
export function lrsSender(lrs: LrsConfig): SendStatements {
  const url = `${lrs.endpoint}/statements`;
  const authorization = `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`;
  const timeoutMs = Math.min(30_000, (lrs.leaseSeconds * 1000) / 3);
  return async (statements) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          Authorization: authorization,
        },
        body: JSON.stringify(statements),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: 'retry', error: cause ?? (error instanceof Error ? error.message : String(error)) };
    }
    if (res.status === 200 || res.status === 204) {
      await res.body?.cancel();
      return { kind: 'stored' };
    }
    const error = await reasonOf(res);
    if (res.status === 409) return { kind: 'conflict', error };
    if (res.status === 429 || res.status >= 500) return { kind: 'retry', error };
    return { kind: 'refused', error };
  };
}
